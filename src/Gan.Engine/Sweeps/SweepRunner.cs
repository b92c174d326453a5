using System.Globalization;
using System.Text;
using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Gan.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Sweeps;

/// <summary>
/// Runs a sweep: expands the trials, writes the sweep folder and its manifest, opens the parent tracking run,
/// hands the trials to the local or Slurm executor, then ranks them and records the summary on the parent run.
/// </summary>
public sealed class SweepRunner
{
    private readonly ExperimentLoader _loader;
    private readonly TrackingStoreFactory _tracking;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    public SweepRunner(ExperimentLoader loader, TrackingStoreFactory tracking, ILoggerFactory loggerFactory)
    {
        _loader = loader;
        _tracking = tracking;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SweepRunner>();
    }

    /// <summary>True when <paramref name="experiment"/> has a <c>sweep:</c> section with parameters.</summary>
    public static bool HasSweep(ResolvedExperiment experiment) => experiment.Definition.Sweep?.Parameters.Count > 0;

    /// <summary>Plans the trials of <paramref name="request"/> without running anything.</summary>
    public static IReadOnlyList<SweepTrial> Plan(ResolvedExperiment experiment, SweepRequest request)
    {
        var section = experiment.Definition.Sweep ?? new SweepDefinition();
        var parameters = section.Parameters
            .Select(kv => SweepParameter.FromYaml(kv.Key, kv.Value, experiment.SourcePath))
            .ToList();
        foreach (var fromCommandLine in request.Parameters.Select(SweepParameter.FromCommandLine))
        {
            parameters.RemoveAll(p => p.Key == fromCommandLine.Key);
            parameters.Add(fromCommandLine);
        }

        return SweepPlanner.Expand(parameters, section.Method, section.MaxTrials, section.Seed);
    }

    /// <summary>Runs the whole sweep and returns its folder and ranked summary.</summary>
    public async Task<(string Folder, SweepSummary Summary)> RunAsync(SweepRequest request, Action<string> report, CancellationToken cancellation)
    {
        var experiment = _loader.Load(request.ExperimentPath, request.Overrides);
        var definition = experiment.Definition;
        var section = definition.Sweep ?? new SweepDefinition();
        var trials = Plan(experiment, request);
        var executor = request.Executor ?? section.Executor;
        var parallel = Math.Max(1, request.Parallel ?? section.Parallel);
        var rungs = section.Method == SweepMethod.Asha
            ? SuccessiveHalving.Validate(section, definition.Checkpoints.Enabled)
            : [];
        var folder = Path.GetFullPath(Path.Combine(section.Directory, $"{definition.Name}-{DateTime.Now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}"));
        Directory.CreateDirectory(folder);

        await using var services = ExperimentServices.Create(_loader.Catalog, _loggerFactory);
        var store = _tracking.Create(definition.Tracking, services.GetServices<ITrackingBackend>());
        var experimentName = TrackingStoreFactory.ExperimentName(definition);
        var runName = $"{definition.Name}-sweep-{DateTime.Now:yyyyMMdd-HHmmss}";
        await using var parent = await store.StartRunAsync(new RunStartRequest(experimentName, runName, new Dictionary<string, string>
        {
            [MlflowTags.RunName] = runName,
            [SweepTags.Folder] = folder,
            [SweepTags.Executor] = executor.ToString().ToLowerInvariant(),
        }), cancellation);

        var manifest = new SweepManifest
        {
            Experiment = definition.Name,
            ExperimentPath = Path.GetFullPath(request.ExperimentPath),
            WorkingDirectory = Directory.GetCurrentDirectory(),
            Executable = request.Executable,
            Plugins = request.Plugins.Select(Path.GetFullPath).ToList(),
            BaseOverrides = [.. request.Overrides, .. LastStageLength(experiment, rungs)],
            Trials = trials.Select(t => new TrialSpec(t.Index, t.Overrides.ToList())).ToList(),
            ThreadsPerTrial = executor == SweepExecutorKind.Slurm ? section.Slurm.CpusPerTask : Math.Max(1, Environment.ProcessorCount / parallel),
            ParentRunId = parent.RunId,
            Method = section.Method,
            Rungs = [.. rungs],
            ReductionFactor = section.ReductionFactor,
            Metric = section.Metric,
            Mode = section.Mode,
            Executor = executor,
            Parallel = parallel,
            Slurm = section.Slurm,
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        manifest.Write(folder);
        parent.LogParam("sweep.trials", trials.Count.ToString(CultureInfo.InvariantCulture));
        parent.LogParam("sweep.method", section.Method.ToString().ToLowerInvariant());
        parent.LogParam("sweep.metric", section.Metric ?? "");
        parent.LogArtifact("sweep.json", File.ReadAllBytes(Path.Combine(folder, SweepManifest.FileName)));
        report($"sweep {folder}: {trials.Count} trial(s), {executor.ToString().ToLowerInvariant()} executor" +
               (rungs.Count > 0 ? $", rungs at step {string.Join(", ", rungs)}" : "") +
               (executor == SweepExecutorKind.Local ? $", {parallel} at a time, {manifest.ThreadsPerTrial} thread(s) each" : "") +
               $", parent run {parent.RunId}");

        var summary = await ExecuteAsync(folder, manifest, manifest.Trials, parent, report, cancellation);
        return (folder, summary);
    }

    /// <summary>asha: the last stage trains for max_steps, so every rung's learning-rate schedule is the full run's.</summary>
    private static IEnumerable<string> LastStageLength(ResolvedExperiment experiment, IReadOnlyList<long> rungs) =>
        rungs.Count == 0
            ? []
            : [string.Create(CultureInfo.InvariantCulture, $"stages.{experiment.Stages.Count - 1}.steps={rungs[^1]}")];

    /// <summary>Runs trials of an existing sweep again (e.g. the failed ones) and re-ranks the sweep.</summary>
    public async Task<SweepSummary> RerunAsync(string sweepFolder, IReadOnlyList<int> trialIndexes, SweepExecutorKind? executor, Action<string> report, CancellationToken cancellation)
    {
        sweepFolder = Path.GetFullPath(sweepFolder);
        var manifest = SweepManifest.Read(sweepFolder);
        if (manifest.Method == SweepMethod.Asha)
        {
            throw new GanInputException($"{sweepFolder} is an asha sweep: its rungs depend on each other, so single trials cannot be re-run; start the sweep again.");
        }

        if (executor is { } chosen)
        {
            manifest.Executor = chosen;
        }

        var trials = trialIndexes.Count == 0
            ? SweepSummary.Build(sweepFolder, manifest).Failed.Select(r => r.Trial).ToList()
            : trialIndexes.Select(manifest.Trial).ToList();
        if (trials.Count == 0)
        {
            report("every trial finished; nothing to re-run");
            return SweepSummary.Build(sweepFolder, manifest);
        }

        foreach (var trial in trials)
        {
            File.Delete(TrialResult.PathOf(sweepFolder, trial));
        }

        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(manifest.WorkingDirectory); // the experiment's relative paths (tracking, data) resolve as they did
        try
        {
            var definition = _loader.Load(manifest.ExperimentPath, manifest.BaseOverrides).Definition;
                await using var services = ExperimentServices.Create(_loader.Catalog, _loggerFactory);
            var store = _tracking.Create(definition.Tracking, services.GetServices<ITrackingBackend>());
            await using var parent = await store.StartRunAsync(new RunStartRequest(TrackingStoreFactory.ExperimentName(definition), "",
                new Dictionary<string, string>(), ExistingRunId: manifest.ParentRunId), cancellation);
            report($"re-running trial(s) {string.Join(", ", trials.Select(t => t.Index))} of {sweepFolder}");
            return await ExecuteAsync(sweepFolder, manifest, trials, parent, report, cancellation);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private async Task<SweepSummary> ExecuteAsync(
        string folder, SweepManifest manifest, IReadOnlyList<TrialSpec> trials, ITrackedRun parent, Action<string> report, CancellationToken cancellation)
    {
        ITrialExecutor executor = manifest.Executor == SweepExecutorKind.Slurm ? new SlurmTrialExecutor() : new LocalTrialExecutor();
        if (manifest.Method == SweepMethod.Asha)
        {
            executor = new SuccessiveHalvingExecutor(executor);
        }

        var status = RunStatus.Finished;
        try
        {
            await executor.RunAsync(folder, manifest, trials, report, cancellation);
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Killed;
        }
        catch (Exception ex) when (ex is GanInputException or InvalidOperationException)
        {
            _logger.LogError("{Message}", ex.Message);
            status = RunStatus.Failed;
        }

        var summary = SweepSummary.Build(folder, manifest);
        var table = summary.ToTsv();
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.tsv"), table, CancellationToken.None);
        parent.LogArtifact("sweep_summary.tsv", Encoding.UTF8.GetBytes(table));
        if (summary.Best is { } best)
        {
            parent.LogMetric($"best_{summary.Metric}", best.Value!.Value, 0);
            parent.SetTag(SweepTags.BestTrial, best.Trial.Index.ToString(CultureInfo.InvariantCulture));
            parent.SetTag(SweepTags.BestRun, best.Result?.RunId ?? "");
        }

        if (status == RunStatus.Finished && summary.Failed.Count > 0)
        {
            status = RunStatus.Failed;
        }

        await parent.EndAsync(status, CancellationToken.None);
        return summary;
    }
}
