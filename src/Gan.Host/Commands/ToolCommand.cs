using System.CommandLine;
using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Gan.Native;
using Gan.Host.Console;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gan.Host.Commands;

/// <summary>A command contributed by a plugin (<see cref="IGanTool"/>); it parses its own arguments.</summary>
internal static class ToolCommand
{
    public static Command Create(IGanTool tool, IHost host, GlobalOptions globals, IReadOnlyList<string> rawArguments)
    {
        var arguments = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "Arguments of the command (see below)." };
        var command = new Command(tool.Name, $"{tool.Description}\n\n{tool.Usage}") { arguments };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellation) =>
        {
            // The tool gets exactly what followed its name, in order, options included.
            var index = rawArguments.ToList().IndexOf(tool.Name);
            var own = index < 0 ? [] : rawArguments.Skip(index + 1).ToList();
            try
            {
                TorchNativeLoader.EnsureLoaded();
                var loggers = host.Services.GetRequiredService<ILoggerFactory>();
                return await ConsoleProgress.RunAsync(async progress =>
                {
                    var models = new TrainedModels(host.Services.GetRequiredService<ExperimentLoader>(), loggers, progress, host.Services);
                    var context = new ToolContext(models, loggers, progress, System.Console.In, System.Console.Out);
                    return await tool.RunAsync(own, context, cancellation);
                });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= LogLevel.Debug);
            }
        });
        return command;
    }
}
