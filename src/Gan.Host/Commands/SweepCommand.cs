using System.CommandLine;
using Gan.Engine.Experiments;
using Gan.Native;
using Gan.Engine.Sweeps;
using Gan.Engine.Training;
using Gan.Host.Console;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary>
/// <c>gan sweep EXPERIMENT</c> runs a hyper-parameter sweep; <c>gan sweep trial DIR</c> runs one trial (what the
/// executors start); <c>gan sweep rerun DIR --trial N</c> runs failed trials again.
/// </summary>
internal static class SweepCommand
{
    public static readonly Option<string[]> SweepValues = new("--sweep")
    {
        Description = "Sweep a key over values: --sweep optimizers.default.lr=0.0002,0.001. Repeatable; adds to the experiment's sweep: section.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<int?> Parallel = new("--parallel")
    {
        Description = "Local executor: trials run at once (each gets max(1, cores / K) torch threads).",
    };

    public static readonly Option<string?> Executor = new("--executor")
    {
        Description = "Where trials run: local (processes here) or slurm (a job array submitted with sbatch).",
    };

    public static Command Create(IHost host, GlobalOptions globals)
    {
        var experiment = CommonOptions.Experiment("The experiment YAML file to sweep.");
        var command = new Command("sweep", "Run a hyper-parameter sweep: one child run per trial under one parent run, ranked at the end.")
        {
            experiment, CommonOptions.Set, CommonOptions.Plugins, SweepValues, Parallel, Executor,
        };
        command.Subcommands.Add(CreateTrial(host, globals));
        command.Subcommands.Add(CreateRerun(host, globals));
        command.SetAction((result, cancellation) =>
            ExecuteAsync(host, globals, result, result.GetRequiredValue(experiment), cancellation));
        return command;
    }

    /// <summary>Runs the sweep of <paramref name="experimentPath"/> with the sweep options found in <paramref name="result"/>.</summary>
    public static async Task<int> ExecuteAsync(IHost host, GlobalOptions globals, ParseResult result, string experimentPath, CancellationToken cancellation)
    {
        try
        {
            var request = new SweepRequest
            {
                ExperimentPath = experimentPath,
                Overrides = result.GetValue(CommonOptions.Set) ?? [],
                Parameters = result.GetValue(SweepValues) ?? [],
                Parallel = result.GetValue(Parallel),
                Executor = ParseExecutor(result.GetValue(Executor)),
                Plugins = result.GetValue(CommonOptions.Plugins) ?? [],
                Executable = TrialExecutable(),
            };
            var runner = ActivatorUtilities.CreateInstance<SweepRunner>(host.Services);
            var (folder, summary) = await runner.RunAsync(request, Report, cancellation);
            return Print(folder, summary);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
        }
    }

    private static Command CreateTrial(IHost host, GlobalOptions globals)
    {
        var folder = new Argument<string>("sweep-folder") { Description = "The sweep folder (holding sweep.json)." };
        var index = new Option<int?>("--index") { Description = "Trial number; default: $SLURM_ARRAY_TASK_ID (a Slurm array task)." };
        var command = new Command("trial", "Run one trial of a sweep (started by the sweep's executor).") { folder, index, CommonOptions.Plugins };
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var trial = TrialRunner.ResolveIndex(result.GetValue(index));
                TorchNativeLoader.EnsureLoaded();
                var loader = host.Services.GetRequiredService<ExperimentLoader>();
                var runner = host.Services.GetRequiredService<ExperimentRunner>();
                return await TrialRunner.RunAsync(result.GetRequiredValue(folder), trial, loader, (experiment, options) =>
                    ConsoleProgress.RunAsync(progress => runner.RunAsync(experiment, progress, progress, cancellation, options)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            }
        });
        return command;
    }

    private static Command CreateRerun(IHost host, GlobalOptions globals)
    {
        var folder = new Argument<string>("sweep-folder") { Description = "The sweep folder (holding sweep.json)." };
        var trials = new Option<int[]>("--trial")
        {
            Description = "Trial to run again; repeatable. Default: every trial that did not finish.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("rerun", "Run trials of an earlier sweep again (by default the failed ones) and re-rank the sweep.")
        {
            folder, trials, Executor,
        };
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var sweepFolder = Path.GetFullPath(result.GetRequiredValue(folder));
                var runner = ActivatorUtilities.CreateInstance<SweepRunner>(host.Services);
                var summary = await runner.RerunAsync(sweepFolder, result.GetValue(trials) ?? [], ParseExecutor(result.GetValue(Executor)), Report, cancellation);
                return Print(sweepFolder, summary);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            }
        });
        return command;
    }

    private static SweepExecutorKind? ParseExecutor(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "local" => SweepExecutorKind.Local,
        "slurm" => SweepExecutorKind.Slurm,
        _ => throw new Gan.Abstractions.GanInputException($"--executor {text}: expected local or slurm."),
    };

    private static void Report(string line) => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}");

    private static int Print(string folder, SweepSummary summary)
    {
        string[] rungColumns = summary.HasRungs ? ["rung", "steps"] : [];
        var table = new Table().Title($"Sweep {folder}")
            .AddColumns(["#", "trial", "status", summary.Metric ?? "metric", .. rungColumns, "run", "overrides"]);
        var rank = 1;
        foreach (var row in summary.Rows)
        {
            string[] rung = summary.HasRungs ? [row.RungText, row.StepsText] : [];
            table.AddRow(
            [
                (rank++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Trial.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Result?.Succeeded == true ? row.Status : $"[red]{row.Status}[/]",
                row.ValueText,
                .. rung,
                Markup.Escape(row.Result?.RunId ?? "-"),
                Markup.Escape(string.Join(" ", row.Trial.Overrides)),
            ]);
        }

        AnsiConsole.Write(table);
        foreach (var failed in summary.Failed)
        {
            // An asha trial depends on the rungs before it: it cannot be re-run alone.
            var hint = summary.HasRungs ? "" : $" Re-run it alone with: gan sweep rerun {folder} --trial {failed.Trial.Index}";
            ErrorReporter.WriteError($"trial {failed.Trial.Index} {failed.Status}: {failed.Result?.Message ?? "no result"}.{hint}");
        }

        return summary.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.TrainingFailed;
    }

    /// <summary>
    /// The program trial processes run: this one, or — when started as <c>dotnet gan.dll</c> — the <c>gan</c> apphost
    /// beside the assembly, since the manifest names one executable and 'dotnet sweep …' would not be this program.
    /// </summary>
    private static string TrialExecutable()
    {
        var process = Environment.ProcessPath ?? "gan";
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "gan.exe" : "gan");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && File.Exists(apphost) ? apphost : process;
    }

}
