using System.Globalization;

namespace Gan.Bench;

/// <summary>
/// Time from launching the built <c>gan</c> executable to the end of its first training step: the command runs an
/// experiment file with every stage cut to one step; the MLflow file store stamps each metric in Unix milliseconds as
/// it is logged, after the step, and the launch instant is subtracted from the earliest step-1 value. Includes .NET
/// start-up, plugin loading, YAML binding, libtorch loading and reading the data (from its cache where the source
/// keeps one), i.e. everything a user waits for.
/// </summary>
internal static class StartupProbe
{
    /// <param name="gan">The built host executable.</param>
    /// <param name="experiment">The experiment file.</param>
    /// <param name="stageCount">How many stages the file has: each is cut to one step.</param>
    /// <param name="overrides">Further settings (threads, data folder, ...).</param>
    /// <param name="cancellationToken">Stops the child.</param>
    public static async Task<StartupMeasurement> RunAsync(
        string gan, string experiment, int stageCount, IEnumerable<string> overrides, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("gan-bench-startup-");
        try
        {
            var settings = Enumerable.Range(0, stageCount).SelectMany(i => new[] { $"stages.{i}.steps=1", $"stages.{i}.log_every=1" })
                .Concat(["samples=[]", "metrics=[]", "device=cpu", $"tracking.uri={Path.Combine(scratch.FullName, "mlruns")}", "checkpoints.enabled=false"])
                .Concat(overrides);
            var arguments = new List<string> { "run", experiment };
            foreach (var assignment in settings)
            {
                arguments.Add("--set");
                arguments.Add(assignment);
            }

            var result = await ChildProcess.RunAsync(gan, arguments, null, RepositoryLayout.Root, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{gan} {string.Join(' ', arguments)} failed: {result.Describe()}");
            }

            var firstStep = FirstStepTimestamp(Path.Combine(scratch.FullName, "mlruns"))
                ?? throw new InvalidOperationException($"The 1-step run of {experiment} logged no metric at step 1.");
            return new StartupMeasurement(TimeSpan.FromMilliseconds(firstStep - result.LaunchedAtUnixMs), result.Elapsed);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The earliest timestamp (ms) of a metric logged at step 1; metric files hold "timestamp value step" lines.</summary>
    private static long? FirstStepTimestamp(string mlruns) =>
        Directory.EnumerateFiles(mlruns, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "metrics")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length == 3 && fields[2] == "1")
            .Select(fields => (long?)long.Parse(fields[0], CultureInfo.InvariantCulture))
            .Min();
}
