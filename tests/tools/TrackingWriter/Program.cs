// Usage: TrackingWriter DATABASE ARTIFACT_ROOT EXPERIMENT RUN_NAME STEPS [--hang]
// Starts a run in MLflow's SQLite store, logs STEPS steps of three metrics plus a param and a tag per step, and
// ends it FINISHED; prints the run id first. With --hang it never ends the run (the test kills it mid-run).
using System.Globalization;
using Gan.Tracking;
using Gan.Tracking.Sqlite;

if (args.Length < 5)
{
    Console.Error.WriteLine("usage: TrackingWriter DATABASE ARTIFACT_ROOT EXPERIMENT RUN_NAME STEPS [--hang]");
    return 2;
}

var steps = int.Parse(args[4], CultureInfo.InvariantCulture);
var hang = args.Contains("--hang");
var store = new SqliteTrackingStore(args[0], args[1]);
await using var run = await store.StartRunAsync(new RunStartRequest(args[2], args[3], new Dictionary<string, string>()), CancellationToken.None);
Console.WriteLine(run.RunId);
Console.Out.Flush();
for (var step = 1; step <= steps; step++)
{
    run.LogMetrics(new Dictionary<string, double> { ["d_loss"] = 1.0 / step, ["g_loss"] = step, ["d_acc"] = step % 7 / 7.0 }, step);
    run.LogParam("p" + step.ToString(CultureInfo.InvariantCulture), args[3]);
    run.SetTag("last_step", step.ToString(CultureInfo.InvariantCulture));
    if (step % 50 == 0)
    {
        await Task.Delay(5); // interleave with the other writers rather than finish in one batch
    }
}

if (hang)
{
    Console.WriteLine("logged");
    Console.Out.Flush();
    await Task.Delay(Timeout.Infinite);
}

await run.EndAsync(RunStatus.Finished, CancellationToken.None);
return 0;
