using Gan.Abstractions;

namespace Gan.Engine.Distributed;

/// <summary>Distributed training cannot start: no MPI library, or the ranks disagree on the experiment.</summary>
public sealed class DistributedSetupException(string message) : GanInputException(message);
