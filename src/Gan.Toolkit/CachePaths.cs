using Gan.Abstractions;

namespace Gan.Toolkit;

/// <summary>
/// Where plugin caches live: one folder per kind of cache directly under the experiment's <c>cache_root</c>
/// (<see cref="ComponentContext.CacheRoot"/>), e.g. <c>.cache/midi-pianoroll/KEY.bin</c>, so caches of different
/// plugins never collide and one kind can be cleared by deleting its folder.
/// </summary>
public static class CachePaths
{
    /// <summary>The folder for caches of kind <paramref name="area"/> (one path segment, e.g. "mnist-classifier"); not created.</summary>
    public static string Folder(ComponentContext context, string area)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Folder(context.CacheRoot, area);
    }

    /// <summary>The folder for caches of kind <paramref name="area"/> under <paramref name="cacheRoot"/>; not created.</summary>
    public static string Folder(string cacheRoot, string area)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        if (area.IndexOfAny(['/', '\\']) >= 0 || area is "." or "..")
        {
            throw new ArgumentException($"A cache area is one folder name; got '{area}'.", nameof(area));
        }

        return Path.GetFullPath(Path.Combine(cacheRoot, area));
    }

    /// <summary>The path of <paramref name="fileName"/> (which may hold subfolders) in the <paramref name="area"/> cache; not created.</summary>
    public static string File(ComponentContext context, string area, string fileName) =>
        Path.GetFullPath(Path.Combine(Folder(context, area), fileName));
}
