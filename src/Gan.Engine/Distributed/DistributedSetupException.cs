using Gan.Abstractions;

namespace Gan.Engine.Distributed;

/// <summary>Distributed training cannot start: no MPI library, or the ranks disagree on the experiment.</summary>
/// <param name="message">What is wrong and what to do.</param>
/// <param name="isEnvironmentProblem">True when the machine lacks something (the MPI library) rather than the input being wrong.</param>
public sealed class DistributedSetupException(string message, bool isEnvironmentProblem = false) : GanInputException(message)
{
    /// <summary>True when the machine lacks something (exit code 3) rather than the input being wrong (exit code 2).</summary>
    public bool IsEnvironmentProblem { get; } = isEnvironmentProblem;
}
