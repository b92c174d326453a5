namespace Gan.Tracking;

/// <summary>A run's state, numbered as MLflow stores it in <c>meta.yaml</c> and its REST API.</summary>
public enum RunStatus
{
    /// <summary>The run is in progress.</summary>
    Running = 1,

    /// <summary>The run is queued (not used by the engine; kept for MLflow parity).</summary>
    Scheduled = 2,

    /// <summary>The run completed.</summary>
    Finished = 3,

    /// <summary>The run stopped on an error.</summary>
    Failed = 4,

    /// <summary>The run was stopped by the user (Ctrl+C, scheduler signal).</summary>
    Killed = 5,
}
