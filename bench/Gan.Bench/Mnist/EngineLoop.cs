using Gan.Bench.Domains;

namespace Gan.Bench.Mnist;

/// <summary>
/// The project's side of mnist-mlp: the all-domains row of the same name (<see cref="EngineStageRun"/>), with this
/// scenario's experiment file and memory-sampling cadence.
/// </summary>
internal static class EngineLoop
{
    public static Task<LoopMeasurement> RunAsync(MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        var row = DomainCatalog.Get("mnist-mlp") with
        {
            Experiment = settings.Experiment,
            WarmupSteps = settings.WarmupSteps,
            SampleEvery = settings.SampleEvery,
        };
        var cacheRoot = Path.Combine(RepositoryLayout.Root, ".cache");
        return EngineStageRun.RunAsync(new DomainRunSettings(row, settings.Steps, settings.Threads, settings.Seed, settings.DataRoot, cacheRoot), cancellationToken);
    }
}
