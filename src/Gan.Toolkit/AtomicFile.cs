using System.Runtime.InteropServices;

namespace Gan.Toolkit;

/// <summary>
/// Writes files and folders so that a crash at any point leaves either the old content or the new, never
/// a torn file: write a temporary sibling, flush it to disk (fsync), rename it over the target, then fsync
/// the folder so the rename itself survives a power cut.
/// </summary>
/// <remarks>
/// Every temporary name starts with <see cref="TemporaryPrefix"/>, so a reader listing a folder can skip writes in
/// flight and <see cref="CleanLeftovers"/> can remove those a crash left behind.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Prefix of in-flight temporary files and folders; readers skip them, writers clean them up.</summary>
    public const string TemporaryPrefix = ".partial-";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically and durably.</summary>
    /// <remarks>If <paramref name="write"/> throws, the temporary file is deleted and <paramref name="path"/> is untouched.</remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            Rename(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) atomically and durably.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// A fresh temporary path beside <paramref name="path"/> (its folder is created), for writers that insist on a
    /// file name of their own; hand it to <see cref="Publish"/> when complete, and to <see cref="TryDelete"/> on failure.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, TemporaryPrefix + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
    }

    /// <summary>
    /// Flushes a fully written <paramref name="temporaryFile"/> (in the same folder) to disk and renames it over
    /// <paramref name="path"/>, then syncs the folder so the new entry is durable.
    /// </summary>
    public static void Publish(string temporaryFile, string path)
    {
        using (var stream = new FileStream(temporaryFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            stream.Flush(flushToDisk: true);
        }

        Rename(temporaryFile, path);
    }

    /// <summary>Writes one file inside a folder being assembled: flushed to disk before the folder is published.</summary>
    public static void WriteDurable(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Publishes a fully written temporary folder under its final name with one rename (atomic on POSIX
    /// file systems), then syncs the parent so the new entry is durable.
    /// </summary>
    public static void PublishFolder(string temporaryFolder, string finalFolder)
    {
        SyncDirectory(temporaryFolder);
        if (Directory.Exists(finalFolder))
        {
            // Same checkpoint written again (e.g. Ctrl+C right after a periodic save): the new one wins.
            var stale = finalFolder + "." + Guid.NewGuid().ToString("N")[..8] + ".old";
            Directory.Move(finalFolder, Path.Combine(Path.GetDirectoryName(finalFolder)!, TemporaryPrefix + Path.GetFileName(stale)));
        }

        Directory.Move(temporaryFolder, finalFolder);
        SyncDirectory(Path.GetDirectoryName(finalFolder)!);
    }

    /// <summary>Deletes leftovers of writes that crashed (temporary files and folders) in <paramref name="directory"/>.</summary>
    public static void CleanLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, TemporaryPrefix + "*"))
        {
            if (Directory.Exists(entry))
            {
                TryDeleteFolder(entry);
            }
            else
            {
                TryDelete(entry);
            }
        }
    }

    private static void Rename(string temporaryFile, string path)
    {
        File.Move(temporaryFile, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    private static void SyncDirectory(string directory)
    {
        // .NET cannot open a folder as a FileStream; fsync of a directory descriptor needs libc.
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var descriptor = Open(directory, 0 /* O_RDONLY */);
        if (descriptor < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(descriptor);
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring failures: a leftover temporary file is harmless.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code enabled for the whole assembly.
#pragma warning disable SYSLIB1054, CA2101
    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
#pragma warning restore SYSLIB1054, CA2101
}
