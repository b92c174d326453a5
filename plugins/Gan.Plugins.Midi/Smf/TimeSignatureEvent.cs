namespace Gan.Plugins.Midi.Smf;

/// <summary>Time Signature meta event (FF 58 04).</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Numerator">Beats per bar (4 in 4/4).</param>
/// <param name="Denominator">Beat unit as a note value (4 = quarter); stored in the file as a power of two.</param>
/// <param name="ClocksPerClick">MIDI clocks per metronome click (24 = one quarter).</param>
/// <param name="ThirtySecondsPerQuarter">Notated 32nd notes per MIDI quarter note (normally 8).</param>
public sealed record TimeSignatureEvent(long Tick, int Numerator, int Denominator, int ClocksPerClick = 24, int ThirtySecondsPerQuarter = 8)
    : MidiEvent(Tick);
