namespace Gan.Bench;

/// <summary>Where the repository and its build outputs are, found from the benchmark's own location.</summary>
public static class RepositoryLayout
{
    private const string SolutionFile = "Gan.Pipeline.sln";

    /// <summary>The repository root: the first folder above the benchmark (or the working directory) with the solution file.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;

    /// <summary>The Release build of the host executable, as bench/run.sh builds it.</summary>
    public static string ReleaseHost => Path.Combine(Root, "src", "Gan.Host", "bin", "Release", "net10.0", "linux-x64", "gan");

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
