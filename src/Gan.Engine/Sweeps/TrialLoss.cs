namespace Gan.Engine.Sweeps;

/// <summary>Records a trial whose process ended without writing a result (crashed, killed, never started).</summary>
internal static class TrialLoss
{
    public static void RecordIfMissing(string sweepFolder, TrialSpec trial, int exitCode, string why)
    {
        if (TrialResult.TryRead(sweepFolder, trial) is not null)
        {
            return;
        }

        new TrialResult { Index = trial.Index, Status = "LOST", ExitCode = exitCode, Message = why }.Write(sweepFolder, trial);
    }
}
