using System.CommandLine;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Gan.Native;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary><c>gan sample MODEL --count N [--seed S] [--out DIR]</c>: samples of a trained generator as its domain's files.</summary>
internal static class SampleCommand
{
    public static Command Create(IHost host, GlobalOptions globals)
    {
        var source = new Argument<string>("model")
        {
            Description = "A run id (under ./checkpoints), a checkpoint folder (also one holding exported files and experiment.yaml), or a runs:/ or models:/ URI.",
        };
        var count = new Option<int>("--count", "-n") { Description = "How many samples.", DefaultValueFactory = _ => 16 };
        var seed = new Option<int>("--seed", "-s") { Description = "Seed of the latent noise: the same seed draws the same samples.", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write into. Default: ./samples/<model's folder name>-seed<S>." };
        var network = new Option<string?>("--network") { Description = "Which generator: default generator_ema when the run kept one, else generator." };
        var command = new Command("sample", "Draw samples from a trained generator: PNG digits, MIDI segments, CSV sequences.") { source, count, seed, output, network };
        command.SetAction(result =>
        {
            try
            {
                var n = result.GetValue(count);
                if (n is < 1 or > 100_000)
                {
                    throw new Gan.Abstractions.GanInputException($"--count {n}: expected 1 to 100000.");
                }

                var from = result.GetRequiredValue(source);
                var s = result.GetValue(seed);
                TorchNativeLoader.EnsureLoaded();
                var models = HostModels.Create(host, NullProgressReporter.Instance);
                var folder = Path.GetFullPath(result.GetValue(output) ?? Path.Combine("samples", $"{Path.GetFileName(from.TrimEnd('/'))}-seed{s}"));
                var written = SampleDrawing.Draw(models, from, n, s, folder, result.GetValue(network));
                AnsiConsole.MarkupLineInterpolated($"wrote {written.Count} file(s) into [bold]{folder}[/]");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= LogLevel.Debug);
            }
        });
        return command;
    }
}
