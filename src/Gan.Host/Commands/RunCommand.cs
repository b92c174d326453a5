using System.CommandLine;
using Gan.Engine.Checkpoints;
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

/// <summary><c>gan run EXPERIMENT</c> (also <c>gan EXPERIMENT</c>): trains an experiment and records the run.</summary>
internal static class RunCommand
{
    private static readonly Option<string?> Device = new("--device")
    {
        Description = "Shorthand for --set device=VALUE: auto, cpu, cuda or cuda:N.",
    };

    private static readonly Option<string?> Resume = new("--resume")
    {
        Description = "Continue a stopped run in the same tracking run: alone, the latest checkpoint of this experiment's last run; " +
                      "or a run id or checkpoint folder. Put it after the experiment: gan run EXP --resume.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create(IHost host, GlobalOptions globals)
    {
        var experiment = CommonOptions.Experiment("The experiment YAML file to train.");
        var command = new Command("run", "Train an experiment and record it in MLflow.")
        {
            experiment, CommonOptions.Set, CommonOptions.Plugins, Device, Resume,
            SweepCommand.SweepValues, SweepCommand.Parallel, SweepCommand.Executor,
        };
        command.SetAction((result, cancellation) => ExecuteAsync(host, globals, result, result.GetRequiredValue(experiment), cancellation));
        return command;
    }

    /// <summary>Adds the run arguments to the root command, so <c>gan experiments/mnist.yaml</c> trains.</summary>
    public static void AttachToRoot(RootCommand root, IHost host, GlobalOptions globals)
    {
        var experiment = new Argument<string?>("experiment")
        {
            Description = "The experiment YAML file to train (same as 'gan run EXPERIMENT').",
            Arity = ArgumentArity.ZeroOrOne,
        };
        root.Arguments.Add(experiment);
        // Everything 'gan run' accepts: 'gan EXP --resume' must not fail where 'gan run EXP --resume' works.
        root.Options.Add(CommonOptions.Set);
        root.Options.Add(CommonOptions.Plugins);
        root.Options.Add(Device);
        root.Options.Add(Resume);
        root.Options.Add(SweepCommand.SweepValues);
        root.Options.Add(SweepCommand.Parallel);
        root.Options.Add(SweepCommand.Executor);
        root.SetAction(async (result, cancellation) =>
        {
            if (result.GetValue(experiment) is not { } path)
            {
                AnsiConsole.WriteLine("Give an experiment file to train, or a command. Try 'gan --help'.");
                return ExitCodes.BadInput;
            }

            return await ExecuteAsync(host, globals, result, path, cancellation);
        });
    }

    private static async Task<int> ExecuteAsync(IHost host, GlobalOptions globals, ParseResult result, string experimentPath, CancellationToken cancellation)
    {
        var overrides = (result.GetValue(CommonOptions.Set) ?? []).ToList();
        if (result.GetValue(Device) is { } device)
        {
            overrides.Add($"device={device}");
        }

        try
        {
            var experiment = host.Services.GetRequiredService<ExperimentLoader>().Load(experimentPath, overrides);
            TorchNativeLoader.EnsureLoaded();
            var resume = result.GetResult(Resume) is { } resumeResult ? (resumeResult.Tokens.Count > 0 ? resumeResult.Tokens[0].Value : "") : null;
            if (resume is null && ((result.GetValue(SweepCommand.SweepValues)?.Length ?? 0) > 0 || SweepRunner.HasSweep(experiment)))
            {
                return await SweepCommand.ExecuteAsync(host, globals, result, experimentPath, cancellation);
            }

            var runner = host.Services.GetRequiredService<ExperimentRunner>();
            var options = new RunOptions { Resume = resume };
            var outcome = await ConsoleProgress.RunAsync(progress => runner.RunAsync(experiment, progress, progress, cancellation, options));
            if (outcome.Message is not null)
            {
                ErrorReporter.WriteError(outcome.Message);
            }

            if (!ExperimentRunner.IsFollowerRank)
            {
                DiagnosticConsole.Instance.MarkupLine($"Run [bold]{outcome.RunId}[/] ended [bold]{outcome.Status.ToString().ToUpperInvariant()}[/].");
            }

            ExperimentRunner.EndOtherRanksOnFailure(outcome.ExitCode);
            return outcome.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var exitCode = ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            ExperimentRunner.EndOtherRanksOnFailure(exitCode);
            return exitCode;
        }
    }
}
