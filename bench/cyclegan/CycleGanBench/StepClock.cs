using System.Diagnostics;
using Gan.Engine.Training;

namespace CycleGanBench;

/// <summary>
/// Receives the engine's per-step progress reports and records how long each step took and the resident memory.
/// With <see cref="Turns"/>, each step starts when the turn arrives and the turn is passed on when it ends.
/// </summary>
internal sealed class StepClock : ITrainingProgress, IStageProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _totalSteps;
    private double _stepStart;

    /// <summary>Seconds each step took, in order.</summary>
    public List<double> StepSeconds { get; } = [];

    public Dictionary<long, double> ResidentMb { get; } = [];

    public HashSet<long> MemoryAt { get; init; } = [];

    public Turns? Turns { get; init; }

    public IStageProgress BeginStage(string stageName, long totalSteps, int totalEpochs)
    {
        _totalSteps = totalSteps;
        Turns?.SayReady();
        StartStep();
        return this;
    }

    public void Report(long step, int epoch, IReadOnlyDictionary<string, double> values)
    {
        StepSeconds.Add(_clock.Elapsed.TotalSeconds - _stepStart);
        if (MemoryAt.Contains(step))
        {
            using var process = Process.GetCurrentProcess();
            ResidentMb[step] = Math.Round(process.WorkingSet64 / 1048576.0, 1);
        }

        Turns?.Pass();
        if (step < _totalSteps)
        {
            StartStep();
        }
    }

    public void Dispose() { }

    private void StartStep()
    {
        Turns?.Wait();
        _stepStart = _clock.Elapsed.TotalSeconds;
    }
}
