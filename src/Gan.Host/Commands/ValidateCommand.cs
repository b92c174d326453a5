using System.CommandLine;
using Gan.Configuration;
using Gan.Engine.Experiments;
using Gan.Engine.Sweeps;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary>
/// <c>gan validate EXPERIMENT [--print]</c>: checks a file and its components without training; with <c>--print</c>,
/// writes the experiment as it would run (bases composed, overrides applied, defaults filled) instead of the summary.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(IHost host, GlobalOptions globals)
    {
        var experiment = CommonOptions.Experiment("The experiment YAML file to check.");
        var print = new Option<bool>("--print")
        {
            Description = "After a successful check, write the resolved experiment YAML (extends composed, --set applied, defaults filled) to standard output.",
        };
        var command = new Command("validate", "Check an experiment file (keys, types, component names, options) without training.")
        {
            experiment, CommonOptions.Set, CommonOptions.Plugins, print,
        };
        command.SetAction(result =>
        {
            try
            {
                // Every problem in one pass, and what 'run' would refuse before training (a tracking URI) refused too.
                var resolved = host.Services.GetRequiredService<ExperimentLoader>()
                    .Load(result.GetRequiredValue(experiment), result.GetValue(CommonOptions.Set) ?? [], checkTracking: true);
                if (result.GetValue(print))
                {
                    // Plain text, not through the console's markup and wrapping: the output is a YAML file to keep or diff.
                    System.Console.Out.Write(ConfigWriter.Serialize(resolved.ToResolvedYaml()));
                    return ExitCodes.Success;
                }

                AnsiConsole.MarkupLine($"[green]OK[/] {Markup.Escape(resolved.SourcePath)}: experiment '{Markup.Escape(resolved.Definition.Name)}'");
                AnsiConsole.WriteLine($"  data: {Describe(resolved.Data)}");
                foreach (var (role, component) in resolved.Model)
                {
                    AnsiConsole.WriteLine($"  model.{role}: {Describe(component)}");
                }

                if (resolved.Loss is { } loss)
                {
                    AnsiConsole.WriteLine($"  loss: {Describe(loss)}");
                }

                foreach (var stage in resolved.Stages)
                {
                    var length = stage.Definition.Epochs is { } e ? $"{e} epoch(s)" : $"{stage.Definition.Steps} step(s)";
                    AnsiConsole.WriteLine($"  stage {stage.Definition.Name}: {Describe(stage.Trainer)}, {length}");
                }

                if (resolved.Definition.Sweep is { Method: SweepMethod.Asha } asha)
                {
                    // What 'gan sweep' would refuse before starting a trial.
                    var rungs = SuccessiveHalving.Validate(asha, resolved.Definition.Checkpoints.Enabled);
                    AnsiConsole.WriteLine($"  sweep: asha by {asha.Metric}, rungs at step {string.Join(", ", rungs)}");
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            }
        });
        return command;
    }

    private static string Describe(Gan.Engine.Components.ResolvedComponent component) =>
        $"{component.Registration.Name} ({component.Plugin.Name})";
}
