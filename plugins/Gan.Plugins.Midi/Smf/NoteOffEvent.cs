namespace Gan.Plugins.Midi.Smf;

/// <summary>A key release: status 0x8n, or 0x9n with velocity 0 (read as this event with velocity 0).</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Channel">MIDI channel 0..15.</param>
/// <param name="Note">Key number 0..127.</param>
/// <param name="Velocity">Release velocity 0..127.</param>
public sealed record NoteOffEvent(long Tick, int Channel, int Note, int Velocity) : MidiEvent(Tick);
