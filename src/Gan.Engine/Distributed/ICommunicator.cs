namespace Gan.Engine.Distributed;

/// <summary>What data-parallel training asks of the ranks' library: collective sums and broadcasts of host buffers.</summary>
internal interface ICommunicator
{
    /// <summary>This process's rank, 0 to <see cref="Size"/> - 1.</summary>
    int Rank { get; }

    /// <summary>Number of ranks.</summary>
    int Size { get; }

    /// <summary>Time spent in collective calls so far.</summary>
    TimeSpan CommunicationTime { get; }

    /// <summary>Replaces the values on every rank with their sum over the ranks.</summary>
    void SumInPlace(Span<float> buffer);

    /// <summary>Replaces every value on every rank with the sum, maximum or minimum over the ranks.</summary>
    void ReduceInPlace(double[] buffer, ReduceOperation operation);

    /// <summary>Copies rank 0's values to every rank.</summary>
    void Broadcast(Span<float> buffer);

    /// <summary>Ends every rank's process (one rank failing would otherwise leave the others waiting in a collective).</summary>
    void Abort(int exitCode);
}

/// <summary>How <see cref="ICommunicator.ReduceInPlace"/> combines the ranks' values.</summary>
internal enum ReduceOperation
{
    Sum,
    Max,
    Min,
}
