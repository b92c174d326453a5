using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Engine.Training;

/// <summary>The engine's <see cref="ITrainingContext"/>; the stage runner advances Epoch and Step.</summary>
internal sealed class TrainingContext : ITrainingContext
{
    private readonly ILossStrategy? _loss;

    /// <summary>The experiment's loss, or null when it has none.</summary>
    public ILossStrategy? LossOrNull => _loss;

    /// <param name="stageName">The stage's name.</param>
    /// <param name="components">The run's components, shared by its stages.</param>
    /// <param name="optimizers">This stage's optimisers.</param>
    /// <param name="tracker">The run the stage records to.</param>
    /// <param name="logger">The stage's logger.</param>
    public TrainingContext(string stageName, StageComponents components, OptimizerProvider optimizers, IRunTracker tracker, ILogger logger)
    {
        StageName = stageName;
        Components = components.Context;
        NetworkStore = components.Networks;
        OptimizerProvider = optimizers;
        _loss = components.Loss;
        Data = components.Data;
        Tracker = tracker;
        Logger = logger;
        CancellationToken = components.CancellationToken;
    }

    public Device Device => Components.Device;

    public int Seed => Components.Seed;

    public string StageName { get; }

    public int Epoch { get; set; }

    public long Step { get; set; }

    /// <summary>The values of the metrics evaluated at <see cref="LastEvaluationStep"/>.</summary>
    public IReadOnlyDictionary<string, double> LastEvaluation { get; set; } = new Dictionary<string, double>();

    /// <summary>The step of the last evaluation; -1 before the first.</summary>
    public long LastEvaluationStep { get; set; } = -1;

    /// <summary>Weights swapped in while samples and metrics run (a generator's moving average); swapped back after.</summary>
    public List<Func<IDisposable>> EvaluationWeights { get; } = [];

    /// <summary>The data-parallel run this stage trains in; null when the process trains alone.</summary>
    public Distributed.DataParallel? DataParallel { get; init; }

    /// <summary>Torch's thread count following the free cores, applied between steps; null when fixed.</summary>
    public AdaptiveThreads? AdaptiveThreads { get; init; }

    /// <summary>Why the stage should end before its last step (early stopping); null to go on.</summary>
    public string? StopReason { get; set; }

    /// <summary>Batches of the current epoch done, including those a resumed run skipped.</summary>
    public long BatchesInEpoch { get; set; }

    public INetworkStore Networks => NetworkStore;

    public NetworkStore NetworkStore { get; }

    public IOptimizerProvider Optimizers => OptimizerProvider;

    public OptimizerProvider OptimizerProvider { get; }

    public ILossStrategy Loss => _loss ?? throw new GanInputException(
        $"Stage '{StageName}' uses an adversarial trainer but the experiment has no 'loss:' section. Add e.g. 'loss: minimax'.");

    public IDataSource Data { get; }

    public IRunTracker Tracker { get; }

    /// <summary>Steps and examples done, for the run's throughput metrics.</summary>
    public Gan.Tracking.SystemMetrics.ThroughputCounter? Throughput { get; init; }

    public ILogger Logger { get; }

    public ComponentContext Components { get; }

    public CancellationToken CancellationToken { get; }
}
