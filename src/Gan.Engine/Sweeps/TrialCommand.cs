namespace Gan.Engine.Sweeps;

/// <summary>The command line that runs one trial: <c>gan sweep trial SWEEP_FOLDER [--index N] [--plugins P]...</c>.</summary>
public static class TrialCommand
{
    /// <summary>The Slurm variable a job-array task reads its trial number from.</summary>
    public const string ArrayTaskVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>Arguments after the executable; without <paramref name="index"/> the trial comes from <see cref="ArrayTaskVariable"/>.</summary>
    public static IReadOnlyList<string> Arguments(string sweepFolder, SweepManifest manifest, int? index)
    {
        var arguments = new List<string> { "sweep", "trial", sweepFolder };
        if (index is { } i)
        {
            arguments.Add("--index");
            arguments.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var plugin in manifest.Plugins)
        {
            arguments.Add("--plugins");
            arguments.Add(plugin);
        }

        return arguments;
    }
}
