namespace Gan.Engine.Training;

/// <summary>The program's exit codes (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Training finished, or the command succeeded.</summary>
    public const int Success = 0;

    /// <summary>Training started but failed (diverged, or an unexpected error).</summary>
    public const int TrainingFailed = 1;

    /// <summary>Bad input: command line, experiment file, data, or plugins. Nothing was trained.</summary>
    public const int BadInput = 2;

    /// <summary>The environment cannot run training: libtorch could not be loaded.</summary>
    public const int EnvironmentError = 3;

    /// <summary>Stopped by the user (Ctrl+C / SIGINT / SIGTERM); the run is recorded as KILLED.</summary>
    public const int Cancelled = 130;
}
