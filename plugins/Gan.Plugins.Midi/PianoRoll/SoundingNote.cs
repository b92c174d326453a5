namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>A note paired from its note-on and note-off events.</summary>
/// <param name="Channel">MIDI channel 0..15.</param>
/// <param name="Program">The channel's program when the note started.</param>
/// <param name="Key">MIDI key number.</param>
/// <param name="Velocity">Note-on velocity.</param>
/// <param name="Start">Start tick.</param>
/// <param name="End">End tick.</param>
internal sealed record SoundingNote(int Channel, int Program, int Key, int Velocity, long Start, long End);
