using System.Text;
using Gan.Plugins.Midi.Smf;
using Gan.Toolkit;

namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// The processed segments of a MIDI folder, one byte (0/1) per cell, count × tracks × bars·steps × pitches,
/// with what the scan skipped. Saved to and loaded from a cache file so a second run starts at once.
/// </summary>
public sealed class PianoRollDataset
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "GPRL"u8.ToArray();

    /// <summary>Creates a dataset.</summary>
    public PianoRollDataset(PianoRollLayout layout, byte[] cells, int files, IReadOnlyList<SkippedFile> skipped, long notes, long droppedNotes)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length % layout.CellsPerSegment != 0)
        {
            throw new ArgumentException("The cells are not a whole number of segments.", nameof(cells));
        }

        Layout = layout;
        Cells = cells;
        Files = files;
        Skipped = skipped;
        Notes = notes;
        DroppedNotes = droppedNotes;
    }

    /// <summary>The grid.</summary>
    public PianoRollLayout Layout { get; }

    /// <summary>All segments' cells, back to back.</summary>
    public byte[] Cells { get; }

    /// <summary>Segments held.</summary>
    public int Count => Cells.Length / Layout.CellsPerSegment;

    /// <summary>MIDI files read successfully.</summary>
    public int Files { get; }

    /// <summary>Files that could not be read, and why.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Notes placed on the rolls of all files.</summary>
    public long Notes { get; }

    /// <summary>Notes outside the pitch range or without a track.</summary>
    public long DroppedNotes { get; }

    /// <summary>Reads and converts every MIDI file of <paramref name="scan"/>.</summary>
    public static PianoRollDataset Build(MidiFolderScan scan, PianoRollLayout layout, int hopBars, int minNotes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        using var buffer = new MemoryStream();
        long notes = 0, dropped = 0;
        var files = 0;
        var skipped = scan.ParseAll((_, file) =>
        {
            var song = PianoRollConverter.Convert(file, layout);
            files++;
            notes += song.Notes;
            dropped += song.DroppedNotes;
            foreach (var segment in song.Segments(hopBars, minNotes))
            {
                buffer.Write(segment);
            }
        }, cancellationToken);
        return new PianoRollDataset(layout, buffer.ToArray(), files, skipped, notes, dropped);
    }

    /// <summary>
    /// The cache key: a hash of every file's path, size and modification time, and of the options that shape the
    /// segments, so any change to the data or the layout builds a new cache.
    /// </summary>
    public static string CacheKey(MidiFolderScan scan, string root, PianoRollLayout layout, int hopBars, int minNotes)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var text = new StringBuilder();
        text.Append($"v{FormatVersion}|{string.Join(',', layout.Tracks.Select(t => t.Name))}|{layout.Bars}|{layout.StepsPerBar}|")
            .Append($"{layout.BeatsPerBar}|{layout.Pitches}|{layout.LowestPitch}|{hopBars}|{minNotes}\n");
        foreach (var path in scan.Files)
        {
            var info = new FileInfo(path);
            text.Append($"{Path.GetRelativePath(root, path)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }

        return Gan.Toolkit.CacheKey.Of(text.ToString());
    }

    /// <summary>Writes the dataset to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Layout.CellsPerSegment);
        writer.Write(Files);
        writer.Write(Notes);
        writer.Write(DroppedNotes);
        writer.Write(Skipped.Count);
        foreach (var skip in Skipped)
        {
            writer.Write(skip.Path);
            writer.Write(skip.Reason);
        }

        writer.Write(Cells.Length);
        writer.Write(Cells);
    });

    /// <summary>Loads a dataset saved by <see cref="Save"/>, or returns null when the file is missing, stale or damaged.</summary>
    public static PianoRollDataset? TryLoad(string path, PianoRollLayout layout)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion
                || reader.ReadInt32() != layout.CellsPerSegment)
            {
                return null;
            }

            var files = reader.ReadInt32();
            var notes = reader.ReadInt64();
            var dropped = reader.ReadInt64();
            var skipped = new List<SkippedFile>();
            for (int i = 0, n = reader.ReadInt32(); i < n; i++)
            {
                skipped.Add(new SkippedFile(reader.ReadString(), reader.ReadString()));
            }

            var length = reader.ReadInt32();
            var cells = reader.ReadBytes(length);
            return cells.Length == length ? new PianoRollDataset(layout, cells, files, skipped, notes, dropped) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException)
        {
            // A damaged cache is rebuilt, never fatal.
            return null;
        }
    }
}
