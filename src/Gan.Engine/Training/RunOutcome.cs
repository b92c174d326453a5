using Gan.Tracking;

namespace Gan.Engine.Training;

/// <summary>How a run ended.</summary>
/// <param name="Status">The status recorded in the tracker.</param>
/// <param name="ExitCode">The process exit code for this outcome (<see cref="ExitCodes"/>).</param>
/// <param name="RunId">The tracking run id (the parent run for multi-stage experiments).</param>
/// <param name="Message">Why it failed, for the console; null on success.</param>
/// <param name="Stages">Results of the stages that finished.</param>
public sealed record RunOutcome(RunStatus Status, int ExitCode, string RunId, string? Message, IReadOnlyList<StageResult> Stages)
{
    /// <summary>The step the last stage paused at (<see cref="Checkpoints.RunOptions.PauseAtStep"/>); null when it ran to its end.</summary>
    public long? PausedAtStep { get; init; }
}
