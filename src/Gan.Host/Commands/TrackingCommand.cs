using System.CommandLine;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary><c>gan tracking sync</c>: sends records spooled while an MLflow server was unreachable.</summary>
internal static class TrackingCommand
{
    public static Command Create(IHost host, GlobalOptions globals)
    {
        var spool = new Option<string?>("--spool")
        {
            Description = "Spool folder. Default: $GAN_TRACKING_SPOOL, else ./mlruns-spool.",
        };
        var run = new Option<string?>("--run") { Description = "Only this run id." };
        var sync = new Command("sync", "Send records spooled while the MLflow server was unreachable (in order, without duplicating metrics). Credentials come from MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/_PASSWORD.")
        {
            spool, run,
        };
        sync.SetAction(async (result, ct) =>
        {
            try
            {
                var syncer = host.Services.GetRequiredService<TrackingStoreFactory>().CreateSync(result.GetValue(spool));
                var root = TrackingStoreFactory.SpoolDirectory(result.GetValue(spool));
                var results = await syncer.SyncAsync(result.GetValue(run), ct);
                if (results.Count == 0)
                {
                    AnsiConsole.WriteLine($"Nothing spooled in {root}.");
                    return ExitCodes.Success;
                }

                foreach (var r in results)
                {
                    if (r.Left == 0)
                    {
                        AnsiConsole.MarkupLine($"[green]sent[/] run {Markup.Escape(r.RunId)}: {r.Sent} record(s) to {Markup.Escape(r.TrackingUri)}");
                    }
                    else
                    {
                        AnsiConsole.MarkupLine($"[yellow]left[/] run {Markup.Escape(r.RunId)}: sent {r.Sent}, {r.Left} still spooled ({Markup.Escape(r.Error ?? "server not answering")}); run the command again later");
                    }
                }

                return results.All(r => r.Left == 0) ? ExitCodes.Success : ExitCodes.TrainingFailed;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            }
        });
        return new Command("tracking", "MLflow tracking maintenance.") { sync };
    }
}
