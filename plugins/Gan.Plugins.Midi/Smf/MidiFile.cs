namespace Gan.Plugins.Midi.Smf;

/// <summary>A Standard MIDI File (format 0 or 1) with a ticks-per-quarter-note division.</summary>
/// <param name="Format">0 (one track) or 1 (simultaneous tracks). Format 2 is refused by the reader.</param>
/// <param name="TicksPerQuarter">The division: ticks per quarter note (SMPTE divisions are refused by the reader).</param>
/// <param name="Tracks">The tracks in file order.</param>
public sealed record MidiFile(int Format, int TicksPerQuarter, IReadOnlyList<MidiTrack> Tracks);
