using Gan.Abstractions;
using Gan.Plugins.CycleGan.Images;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>The image files of one domain folder (trainA, testB, ...), in ordinal name order.</summary>
internal sealed class DomainFolder
{
    private DomainFolder(string path, IReadOnlyList<string> files, IReadOnlyList<string> skipped)
    {
        Path = path;
        Files = files;
        Skipped = skipped;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The readable image files.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Files left out because their header is not a readable image (only with skip_bad_files).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Lists and probes the images of <paramref name="path"/>.</summary>
    /// <exception cref="GanInputException">The folder is missing or holds no images, or (without <paramref name="skipBadFiles"/>) a file is not an image.</exception>
    public static DomainFolder Open(string path, bool skipBadFiles, int? maxCount)
    {
        if (!Directory.Exists(path))
        {
            throw new GanInputException(
                $"The domain folder {path} does not exist. An unaligned dataset needs trainA/ and trainB/ (and testA/, testB/ for samples) "
                + "under its root; set `path`, or `dataset` with `download: true`.");
        }

        var candidates = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(ImageDecoder.IsImageFile)
            .Order(StringComparer.Ordinal)
            .Take(maxCount ?? int.MaxValue)
            .ToArray();
        // Headers only: a few bytes per file, so even 10,000 images are probed in well under a second.
        var readable = new bool[candidates.Length];
        Parallel.For(0, candidates.Length, i => readable[i] = ImageDecoder.Probe(candidates[i]) is not null);
        var skipped = candidates.Where((_, i) => !readable[i]).ToList();
        if (skipped.Count > 0 && !skipBadFiles)
        {
            throw new GanInputException(
                $"{skipped[0]}: not a readable JPEG, PNG or BMP image"
                + (skipped.Count > 1 ? $" ({skipped.Count} such files in {path})" : "")
                + ". Remove it, or set `skip_bad_files: true` to skip unreadable images.");
        }

        var files = candidates.Where((_, i) => readable[i]).ToList();
        if (files.Count == 0)
        {
            throw new GanInputException(
                $"The domain folder {path} holds no readable images (.jpg, .jpeg, .png, .bmp)"
                + (skipped.Count > 0 ? $"; {skipped.Count} unreadable file(s) were skipped." : "."));
        }

        return new DomainFolder(path, files, skipped);
    }
}
