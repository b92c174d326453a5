namespace Gan.Abstractions;

/// <summary>
/// One training algorithm, run by a stage: the engine calls <see cref="Initialize"/> at the start of the
/// stage, <see cref="Step"/> once per batch and <see cref="OnEpochEnd"/> after each epoch. The engine's
/// <c>adversarial</c> trainer covers the standard GAN loop; domains whose loop differs (two generators,
/// pre-training, supervised prediction) provide their own.
/// </summary>
/// <remarks>
/// Every step runs inside a TorchSharp dispose scope opened by the engine: temporaries created in
/// <see cref="Step"/> are freed when it returns, so a trainer that keeps a tensor across steps (an image
/// pool, a fixed noise batch) must call <c>DetachFromDisposeScope()</c> on it and dispose it itself.
/// </remarks>
public interface ITrainer
{
    /// <summary>
    /// Gets networks from <see cref="ITrainingContext.Networks"/> and creates optimisers from
    /// <see cref="ITrainingContext.Optimizers"/>. Called once per stage, before the first step.
    /// </summary>
    void Initialize(ITrainingContext context);

    /// <summary>
    /// Runs one iteration on <paramref name="batch"/> (already on the training device) and returns the
    /// scalar values to display and log for this step, under the names the reference code prints.
    /// </summary>
    IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context);

    /// <summary>Called after each epoch of the stage, for example to update a learning-rate schedule.</summary>
    void OnEpochEnd(ITrainingContext context) { }

    /// <summary>
    /// The generator–discriminator pairs whose values <see cref="Step"/> returns, for the health monitor (added in 1.1).
    /// Empty for trainers without an adversarial pair (pre-training, prediction) and for trainers built against 1.0,
    /// for which the monitor looks for the keys named in the experiment's <c>health:</c> section.
    /// </summary>
    IReadOnlyList<PlayerPair> PlayerPairs => [];
}
