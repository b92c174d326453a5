namespace Gan.Abstractions;

/// <summary>
/// A hook into every stage's loop (added in 1.1). The engine's own step tracking, health checks, evaluation, sample
/// rendering and checkpointing are stage callbacks; a plugin adds its own by registering it as a service
/// (<c>services.AddSingleton&lt;IStageCallback, MyCallback&gt;()</c> in <see cref="IGanPlugin.Configure"/>). Callbacks run
/// in ascending <see cref="Order"/>; see <see cref="StageCallbackOrder"/> for the engine's positions. Every method runs
/// on the training thread between steps, inside the step's dispose scope for <see cref="AfterStep"/>; a callback whose
/// state changes results implements <see cref="IStatefulComponent"/> too, and is then checkpointed.
/// </summary>
public interface IStageCallback
{
    /// <summary>Position among the stage's callbacks; plugins' callbacks default to <see cref="StageCallbackOrder.Default"/>.</summary>
    int Order => StageCallbackOrder.Default;

    /// <summary>Called once the trainer is initialised (and a resumed stage restored), before the first step.</summary>
    void OnStageStart(ITrainingContext context) { }

    /// <summary>Called after every step with the values the trainer returned.</summary>
    void AfterStep(ITrainingContext context, IReadOnlyDictionary<string, double> values) { }

    /// <summary>Called after every epoch, once the trainer's <see cref="ITrainer.OnEpochEnd"/> has run.</summary>
    void AfterEpoch(ITrainingContext context) { }

    /// <summary>Called when the stage has finished its last step (not when it stops on an error or Ctrl+C).</summary>
    void OnStageEnd(ITrainingContext context) { }
}
