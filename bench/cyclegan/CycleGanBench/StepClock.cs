using System.Diagnostics;
using Gan.Engine.Training;

namespace CycleGanBench;

/// <summary>Receives the engine's per-step progress reports and records when each step finished and the resident memory.</summary>
internal sealed class StepClock : ITrainingProgress, IStageProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public List<double> StepEnds { get; } = [];

    public Dictionary<long, double> ResidentMb { get; } = [];

    public HashSet<long> MemoryAt { get; init; } = [];

    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs)
    {
        StepEnds.Add(_clock.Elapsed.TotalSeconds);
        return this;
    }

    public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values)
    {
        StepEnds.Add(_clock.Elapsed.TotalSeconds);
        if (MemoryAt.Contains(step))
        {
            using var process = Process.GetCurrentProcess();
            ResidentMb[step] = Math.Round(process.WorkingSet64 / 1048576.0, 1);
        }
    }

    public void Dispose() { }
}
