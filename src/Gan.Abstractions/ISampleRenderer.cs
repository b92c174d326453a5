namespace Gan.Abstractions;

/// <summary>
/// Turns the current generator's output into files a person can look at or listen to (a PNG grid, a MIDI
/// file, a text listing). Called at the stage's sample cadence with networks in evaluation mode and
/// gradients disabled; the engine logs what it returns as artifacts of the run.
/// </summary>
public interface ISampleRenderer
{
    /// <summary>Renders samples for the current step.</summary>
    IReadOnlyList<SampleArtifact> Render(ITrainingContext context);
}
