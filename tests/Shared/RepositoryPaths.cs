namespace Gan.Tests.Shared;

/// <summary>Locates the repository and the shared data beside it, from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Gan.Pipeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> relative to the repository root (overridable with GAN_SHARED_DATA).</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("GAN_SHARED_DATA") is { Length: > 0 } custom
            ? Path.GetFullPath(custom)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gan.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Gan.Pipeline.sln not found above {AppContext.BaseDirectory}.");
    }
}
