namespace Gan.Abstractions;

/// <summary>
/// A stage component (trainer, loss, metric or sample renderer) whose state beyond networks and optimisers changes
/// results: counters, running baselines, image pools, private random streams. The engine saves it into every
/// training-state checkpoint and restores it on <c>--resume</c>, so a resumed run continues exactly (added in 1.1).
/// </summary>
/// <remarks>
/// The engine calls <see cref="SaveState"/> between steps, and <see cref="LoadState"/> after the component has been
/// set up for the stage (after <see cref="ITrainer.Initialize"/> for a trainer) and before the first resumed step.
/// A checkpoint written at the start of a stage holds no component state; <see cref="LoadState"/> is then not called.
/// </remarks>
public interface IStatefulComponent
{
    /// <summary>Writes everything needed to continue exactly into <paramref name="state"/>.</summary>
    void SaveState(ComponentState state);

    /// <summary>Restores what <see cref="SaveState"/> wrote. Missing keys throw a clear error naming the component and key.</summary>
    void LoadState(ComponentState state);
}
