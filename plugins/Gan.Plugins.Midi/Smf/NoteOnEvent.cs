namespace Gan.Plugins.Midi.Smf;

/// <summary>A key press (status 0x9n) with a velocity of 1..127; velocity 0 is read as <see cref="NoteOffEvent"/>.</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Channel">MIDI channel 0..15 (channel 9 is General MIDI's drum channel 10).</param>
/// <param name="Note">Key number 0..127 (60 is middle C).</param>
/// <param name="Velocity">1..127.</param>
public sealed record NoteOnEvent(long Tick, int Channel, int Note, int Velocity) : MidiEvent(Tick);
