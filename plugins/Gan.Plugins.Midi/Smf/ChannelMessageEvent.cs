namespace Gan.Plugins.Midi.Smf;

/// <summary>
/// Any other channel message (control change, pitch bend, aftertouch): kept with its raw data bytes so a
/// file read and written back keeps them, though the piano-roll ignores them.
/// </summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Status">The status byte's high nibble (0xA0, 0xB0, 0xD0 or 0xE0).</param>
/// <param name="Channel">MIDI channel 0..15.</param>
/// <param name="Data1">First data byte.</param>
/// <param name="Data2">Second data byte; 0 for one-byte messages (0xD0).</param>
public sealed record ChannelMessageEvent(long Tick, int Status, int Channel, int Data1, int Data2) : MidiEvent(Tick);
