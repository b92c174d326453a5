using Gan.Abstractions;

namespace Gan.Plugins.Midi.Smf;

/// <summary>
/// The .mid/.midi files under a folder (recursive, in ordinal path order), parsed; files that fail to parse
/// are counted and reported, not fatal, because one corrupt file in a large collection must not stop a run.
/// </summary>
public sealed class MidiFolderScan
{
    private MidiFolderScan(IReadOnlyList<string> files) => Files = files;

    /// <summary>The MIDI files found, absolute paths in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Lists the MIDI files under <paramref name="folder"/>; throws when the folder is missing or has none.</summary>
    public static MidiFolderScan Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new GanInputException($"{folder}: MIDI folder not found. Point the data source's `path` at a folder of .mid/.midi files.");
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsMidiFile)
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count == 0
            ? throw new GanInputException($"{folder}: no .mid or .midi files found (searched recursively).")
            : new MidiFolderScan(files);
    }

    /// <summary>Whether <paramref name="path"/> has a MIDI file extension (case-insensitive).</summary>
    public static bool IsMidiFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".mid" or ".midi";

    /// <summary>
    /// Parses every file, calling <paramref name="onParsed"/> for the good ones and collecting the failures
    /// (file and reason) for the bad ones.
    /// </summary>
    public IReadOnlyList<SkippedFile> ParseAll(Action<string, MidiFile> onParsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onParsed);
        var skipped = new List<SkippedFile>();
        foreach (var path in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MidiFile file;
            try
            {
                file = MidiFileReader.Read(path);
            }
            catch (GanInputException e)
            {
                skipped.Add(new SkippedFile(path, e.Message));
                continue;
            }

            onParsed(path, file);
        }

        return skipped;
    }
}
