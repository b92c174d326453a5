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

    public TrainingContext(
        string stageName,
        ComponentContext components,
        NetworkStore networks,
        OptimizerProvider optimizers,
        ILossStrategy? loss,
        IDataSource data,
        IRunTracker tracker,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        StageName = stageName;
        Components = components;
        NetworkStore = networks;
        OptimizerProvider = optimizers;
        _loss = loss;
        Data = data;
        Tracker = tracker;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    public Device Device => Components.Device;

    public int Seed => Components.Seed;

    public string StageName { get; }

    public int Epoch { get; set; }

    public long Step { get; set; }

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
