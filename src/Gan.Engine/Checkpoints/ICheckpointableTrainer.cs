namespace Gan.Engine.Checkpoints;

/// <summary>
/// A trainer with state beyond its networks and optimisers (counters, the last generator loss, a schedule's
/// position) that must survive a resume. The contracts (Gan.Abstractions) are frozen, so plugin trainers,
/// which cannot see this interface, opt in by convention instead: public methods
/// <c>IReadOnlyDictionary&lt;string, string&gt; SaveTrainingState()</c> and
/// <c>void LoadTrainingState(IReadOnlyDictionary&lt;string, string&gt;)</c> (see <see cref="TrainerState"/>).
/// </summary>
public interface ICheckpointableTrainer
{
    /// <summary>The state to store, as invariant-culture strings.</summary>
    IReadOnlyDictionary<string, string> SaveTrainingState();

    /// <summary>Restores what <see cref="SaveTrainingState"/> returned. Called after Initialize.</summary>
    void LoadTrainingState(IReadOnlyDictionary<string, string> state);
}
