using System.CommandLine;
using System.CommandLine.Parsing;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Gan.Native;
using Gan.Host.Console;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gan.Host.Commands;

/// <summary>
/// A command contributed by a plugin (<see cref="IGanTool"/>). System.CommandLine only finds it: the tokens after its
/// name go to <see cref="ToolInvocation"/>, which binds a typed tool's options (or hands a 1.0 tool the raw
/// arguments), and <c>--help</c> prints <see cref="ToolInvocation.Help"/>.
/// </summary>
internal sealed class ToolCommand : Command
{
    private ToolCommand(IGanTool tool)
        : base(tool.Name, tool.Description)
    {
        Tool = tool;
        Arguments.Add(new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Description = $"See 'gan {tool.Name} --help'." });
        TreatUnmatchedTokensAsErrors = false;
    }

    public IGanTool Tool { get; }

    public static ToolCommand Create(IGanTool tool, IHost host, GlobalOptions globals)
    {
        var command = new ToolCommand(tool);
        command.SetAction(async (result, cancellation) =>
        {
            try
            {
                var run = ToolInvocation.Prepare(tool, ArgumentsOf(result));
                TorchNativeLoader.EnsureLoaded();
                var loggers = host.Services.GetRequiredService<ILoggerFactory>();
                return await ConsoleProgress.RunAsync(async progress =>
                {
                    var models = HostModels.Create(host, progress);
                    var context = new ToolContext(models, loggers, progress, System.Console.In, System.Console.Out);
                    return await run(context, cancellation);
                });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= LogLevel.Debug);
            }
        });
        return command;
    }

    /// <summary>
    /// The tokens that follow the command's own token, in order, options included: found by position in the parse,
    /// so the same word earlier on the line (a folder named like the command) is not mistaken for it.
    /// </summary>
    public static IReadOnlyList<string> ArgumentsOf(ParseResult parsed)
    {
        var identifier = parsed.CommandResult.IdentifierToken;
        var tokens = parsed.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], identifier))
            {
                return tokens.Skip(i + 1).Select(t => t.Value).ToArray();
            }
        }

        return [];
    }

    /// <summary>True when <paramref name="parsed"/> asks for this command's help (<c>-h</c>, <c>--help</c> or <c>-?</c> among its arguments).</summary>
    public static bool AsksForHelp(ParseResult parsed) =>
        ArgumentsOf(parsed).TakeWhile(a => a != "--").Any(a => a is "--help" or "-h" or "-?");
}
