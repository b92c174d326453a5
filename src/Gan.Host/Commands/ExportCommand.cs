using System.CommandLine;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Gan.Engine.Interchange;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Gan.Native;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary>
/// <c>gan export SOURCE --format safetensors|pytorch [--out DIR]</c>: a run's networks in files the rest of the
/// ecosystem reads (PyTorch's <c>torch.load</c>, safetensors), each with a JSON of its component and options.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(IHost host, GlobalOptions globals)
    {
        var source = new Argument<string>("source")
        {
            Description = "A run id (under ./checkpoints), a checkpoint folder, or a runs:/ or models:/ URI.",
        };
        var format = new Option<string>("--format", "-f") { Description = "safetensors or pytorch (a state_dict file for torch.load).", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write into. Default: ./export/<source's folder name>." };
        var command = new Command("export", "Write a run's networks as safetensors or PyTorch state_dict files, with their options.") { source, format, output };
        command.SetAction(result =>
        {
            try
            {
                var chosen = ModelExport.ParseFormat(result.GetRequiredValue(format));
                var from = result.GetRequiredValue(source);
                TorchNativeLoader.EnsureLoaded();
                var models = HostModels.Create(host, NullProgressReporter.Instance);
                var folder = Path.GetFullPath(result.GetValue(output) ?? Path.Combine("export", SafeName(from)));
                var written = ModelExport.Export(models, from, chosen, folder);
                foreach (var file in written)
                {
                    AnsiConsole.MarkupLineInterpolated($"wrote [bold]{file}[/]");
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= LogLevel.Debug);
            }
        });
        return command;
    }

    private static string SafeName(string source) =>
        string.Concat(Path.GetFileName(source.TrimEnd('/', '\\')).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
