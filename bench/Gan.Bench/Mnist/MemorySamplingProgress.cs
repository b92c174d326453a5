using Gan.Engine.Training;

namespace Gan.Bench.Mnist;

/// <summary>
/// The engine's per-step progress callback used as a probe: draws nothing (like <see cref="NoTrainingProgress"/>)
/// and samples resident memory on the trace's cadence.
/// </summary>
internal sealed class MemorySamplingProgress : ITrainingProgress, IStageProgress
{
    private readonly MemoryTrace _trace;

    public MemorySamplingProgress(MemoryTrace trace) => _trace = trace;

    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs) => this;

    public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values) => _trace.AfterStep(step);

    public void Dispose() { }
}
