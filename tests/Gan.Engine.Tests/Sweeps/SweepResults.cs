using Gan.Engine.Sweeps;

namespace Gan.Engine.Tests.Sweeps;

/// <summary>Reads back what a finished sweep left in its folder.</summary>
internal static class SweepResults
{
    public static string SingleSweepFolder(string sweepsRoot) => Directory.GetDirectories(sweepsRoot).Single();

    public static string[] SummaryRows(string sweepFolder) =>
        File.ReadAllLines(Path.Combine(sweepFolder, "summary.tsv")).Skip(1).ToArray();

    public static TrialResult Result(string sweepFolder, int index) =>
        TrialResult.TryRead(sweepFolder, SweepManifest.Read(sweepFolder).Trial(index))
        ?? throw new InvalidOperationException($"trial {index} of {sweepFolder} left no result");
}
