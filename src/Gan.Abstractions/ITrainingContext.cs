using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// The running stage as trainers, metrics and sample renderers see it. Owned by the engine; valid for the
/// duration of one stage.
/// </summary>
public interface ITrainingContext
{
    /// <summary>The training device.</summary>
    Device Device { get; }

    /// <summary>The experiment's seed.</summary>
    int Seed { get; }

    /// <summary>The name of the running stage.</summary>
    string StageName { get; }

    /// <summary>Zero-based epoch within the stage.</summary>
    int Epoch { get; }

    /// <summary>The number of the current step within the stage, starting at 1; the step metrics are logged at.</summary>
    long Step { get; }

    /// <summary>The experiment's networks, shared by all stages.</summary>
    INetworkStore Networks { get; }

    /// <summary>Creates this stage's optimisers from the experiment's <c>optimizers:</c> section.</summary>
    IOptimizerProvider Optimizers { get; }

    /// <summary>The experiment's adversarial loss (<c>loss:</c>). Throws a clear error when the experiment has none.</summary>
    ILossStrategy Loss { get; }

    /// <summary>The experiment's data source.</summary>
    IDataSource Data { get; }

    /// <summary>The run being recorded; logging through it never blocks and never throws.</summary>
    IRunTracker Tracker { get; }

    /// <summary>Logger for the stage.</summary>
    ILogger Logger { get; }

    /// <summary>The build context of the experiment's components.</summary>
    ComponentContext Components { get; }

    /// <summary>Signalled when the user stops the run (Ctrl+C).</summary>
    CancellationToken CancellationToken { get; }
}
