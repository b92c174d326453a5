namespace Gan.Plugins.Midi.Smf;

/// <summary>A MIDI file a folder scan could not use, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">The reader's message (names the file and byte offset).</param>
public sealed record SkippedFile(string Path, string Reason);
