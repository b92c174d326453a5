using System.CommandLine;

namespace Gan.Bench;

/// <summary>Options most scenarios share, so every benchmark is driven the same way.</summary>
public static class CommonBenchOptions
{
    /// <summary>Folder holding the datasets (mnist/, midi-piano/, ...).</summary>
    public static Option<DirectoryInfo> DataRoot { get; } = new("--data-root")
    {
        Description = "Folder with the datasets (mnist/ etc.). Default: ../shared/data relative to the repository.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "data"))),
    };

    /// <summary>CPU threads given to torch on every side.</summary>
    public static Option<int> Threads { get; } = new("--threads")
    {
        Description = "CPU threads for torch on every side (torch.set_num_threads).",
        DefaultValueFactory = _ => 2,
    };

    /// <summary>How many times each side is run; medians are reported.</summary>
    public static Option<int> Rounds { get; } = new("--rounds")
    {
        Description = "Rounds; the sides alternate within each round and medians are reported.",
        DefaultValueFactory = _ => 3,
    };

    /// <summary>The Python that runs the PyTorch peers.</summary>
    public static Option<string> Python { get; } = new("--python")
    {
        Description = "Python with Debian's python3-torch (not a pyenv/venv python without torch).",
        DefaultValueFactory = _ => "/usr/bin/python3",
    };

    /// <summary>The built host whose start-up is timed.</summary>
    public static Option<FileInfo> Gan { get; } = new("--gan")
    {
        Description = "The built gan executable whose start-up is timed.",
        DefaultValueFactory = _ => new FileInfo(RepositoryLayout.ReleaseHost),
    };

    /// <summary>Seed for weights, noise and data order on every side.</summary>
    public static Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed for weights, noise and data order on every side.",
        DefaultValueFactory = _ => 42,
    };
}
