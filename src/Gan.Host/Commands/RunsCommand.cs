using System.CommandLine;
using System.Globalization;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Gan.Tracking;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary>
/// <c>gan runs list [--experiment NAME]</c> and <c>gan runs compare RUN_ID RUN_ID ...</c>: runs read back from
/// MLflow's SQLite store, its file store or an MLflow server (the same URI resolution as training), for people in a terminal.
/// </summary>
internal static class RunsCommand
{
    private static readonly Option<string?> TrackingUri = new("--tracking-uri")
    {
        Description = "Where runs are recorded. Default: $MLFLOW_TRACKING_URI, else sqlite:///mlflow.db (./mlruns when it holds a file store and no mlflow.db exists).",
    };

    public static Command Create(IHost host, GlobalOptions globals)
    {
        _ = host;
        var experiment = new Option<string?>("--experiment", "-e")
        {
            Description = "Only this experiment (by name). Default: $MLFLOW_EXPERIMENT_NAME, else every experiment.",
        };
        var list = new Command("list", "List runs: id, name, status, start, duration and latest metrics.") { experiment, TrackingUri };
        list.SetAction(async (result, ct) =>
        {
            try
            {
                using var reader = TrackingStoreFactory.CreateReader(result.GetValue(TrackingUri));
                var name = result.GetValue(experiment) ?? Environment.GetEnvironmentVariable(TrackingStoreFactory.ExperimentVariable);
                return await ListAsync(reader, name is { Length: > 0 } ? name : null, ct);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Report(ex, globals);
            }
        });

        var runIds = new Argument<string[]>("run-ids") { Description = "Two or more run ids.", Arity = new ArgumentArity(2, 100) };
        var compare = new Command("compare", "Compare runs side by side: params that differ, and each metric's final and best values.") { runIds, TrackingUri };
        compare.SetAction(async (result, ct) =>
        {
            try
            {
                using var reader = TrackingStoreFactory.CreateReader(result.GetValue(TrackingUri));
                var comparison = await RunComparison.BuildAsync(reader, result.GetRequiredValue(runIds), ct);
                PrintComparison(reader, comparison);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Report(ex, globals);
            }
        });

        return new Command("runs", "Read recorded runs back (SQLite store, file store or MLflow server).") { list, compare };
    }

    private static async Task<int> ListAsync(ITrackingReader reader, string? experimentName, CancellationToken ct)
    {
        IReadOnlyList<ExperimentInfo> experiments;
        if (experimentName is not null)
        {
            var found = await reader.FindExperimentByNameAsync(experimentName, ct);
            if (found is null)
            {
                ErrorReporter.WriteError($"No experiment named '{experimentName}' in {reader.Description}.");
                return ExitCodes.BadInput;
            }

            experiments = [found];
        }
        else
        {
            experiments = await reader.ListExperimentsAsync(ct);
        }

        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(reader.Description)}[/]");
        var shown = 0;
        foreach (var experiment in experiments)
        {
            var runs = await reader.ListRunsAsync(experiment.ExperimentId, ct);
            if (runs.Count == 0 && experimentName is null)
            {
                continue;
            }

            shown++;

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(experiment.Name)}[/] [grey](id {Markup.Escape(experiment.ExperimentId)}, {runs.Count} run(s))[/]");
            var table = new Table().AddColumns("run id", "name", "status", "started", "duration", "parent", "latest metrics");
            foreach (var run in runs)
            {
                var duration = run.StartTime is { } s && run.EndTime is { } e ? (e - s).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "";
                var metrics = string.Join("  ", run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(6)
                    .Select(m => $"{m.Key}={Format(m.Value.Value)}@{m.Value.Step}"));
                table.AddRow(
                    Markup.Escape(run.RunId),
                    Markup.Escape(run.RunName),
                    StatusMarkup(run.Status),
                    run.StartTime?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                    duration,
                    Markup.Escape(run.Tags.GetValueOrDefault(TrackingKeys.ParentRunIdTag) is { } p ? p[..Math.Min(8, p.Length)] : ""),
                    Markup.Escape(metrics));
            }

            AnsiConsole.Write(table);
        }

        if (shown == 0)
        {
            AnsiConsole.WriteLine("No runs recorded here yet (run an experiment, or point --tracking-uri / MLFLOW_TRACKING_URI at another store).");
        }

        return ExitCodes.Success;
    }

    private static void PrintComparison(ITrackingReader reader, RunComparison comparison)
    {
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(reader.Description)}[/]");
        var header = comparison.Runs.Select(r => $"{r.RunName} ({r.RunId[..Math.Min(8, r.RunId.Length)]})").ToArray();
        var runs = new Table().AddColumn("run");
        foreach (var column in header)
        {
            runs.AddColumn(Markup.Escape(column));
        }

        runs.AddRow(["status", .. comparison.Runs.Select(r => StatusMarkup(r.Status))]);
        runs.AddRow(["duration", .. comparison.Runs.Select(r => r.StartTime is { } s && r.EndTime is { } e ? (e - s).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "")]);
        AnsiConsole.Write(runs);

        var parameters = new Table().AddColumn("param (differing)");
        foreach (var column in header)
        {
            parameters.AddColumn(Markup.Escape(column));
        }

        foreach (var (key, values) in comparison.DifferingParams)
        {
            parameters.AddRow([Markup.Escape(key), .. values.Select(v => v is null ? "[grey]-[/]" : Markup.Escape(v))]);
        }

        if (comparison.DifferingParams.Count == 0)
        {
            AnsiConsole.MarkupLine("All params are equal.");
        }
        else
        {
            AnsiConsole.Write(parameters);
        }

        var metrics = new Table().AddColumn("metric");
        foreach (var column in header)
        {
            metrics.AddColumn(Markup.Escape(column));
        }

        foreach (var (key, summaries) in comparison.Metrics)
        {
            var direction = RunComparison.IsHigherBetter(key) ? "max" : "min";
            metrics.AddRow([Markup.Escape(key), .. summaries.Select(s => s is null
                ? "[grey]-[/]"
                : Markup.Escape($"final {Format(s.Final)} @{s.FinalStep}, best({direction}) {Format(s.Best)} @{s.BestStep}"))]);
        }

        AnsiConsole.Write(metrics);
    }

    private static string Format(double value) => value.ToString("G5", CultureInfo.InvariantCulture);

    private static string StatusMarkup(RunStatus status) => status switch
    {
        RunStatus.Finished => "[green]FINISHED[/]",
        RunStatus.Failed => "[red]FAILED[/]",
        RunStatus.Killed => "[yellow]KILLED[/]",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static int Report(Exception ex, GlobalOptions globals) => ex switch
    {
        KeyNotFoundException notFound => Fail(notFound.Message),
        MlflowApiException api => Fail($"MLflow server: {api.Message}"),
        HttpRequestException http => Fail($"MLflow server not reachable: {http.Message}"),
        _ => ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug),
    };

    private static int Fail(string message)
    {
        ErrorReporter.WriteError(message);
        return ExitCodes.BadInput;
    }
}
