namespace Gan.Plugins.Midi.Smf;

/// <summary>Selects the instrument of a channel (status 0xCn), a General MIDI program 0..127.</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Channel">MIDI channel 0..15.</param>
/// <param name="Program">Program number 0..127 (0 = Acoustic Grand Piano).</param>
public sealed record ProgramChangeEvent(long Tick, int Channel, int Program) : MidiEvent(Tick);
