using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>Creates optimisers configured by the experiment's <c>optimizers:</c> section (stage overrides applied).</summary>
public interface IOptimizerProvider
{
    /// <summary>
    /// Creates the optimiser configured under <c>optimizers.&lt;role&gt;</c> (falling back to
    /// <c>optimizers.default</c>) over <paramref name="parameters"/>. The engine keeps it for learning-rate
    /// schedules and checkpoints and disposes it when the stage ends.
    /// </summary>
    optim.Optimizer Create(string role, IEnumerable<Parameter> parameters);
}
