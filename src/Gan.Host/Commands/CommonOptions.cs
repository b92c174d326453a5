using System.CommandLine;
using Gan.Host.Hosting;
using Microsoft.Extensions.Logging;

namespace Gan.Host.Commands;

/// <summary>The options shared by several commands, defined once.</summary>
internal static class CommonOptions
{
    public static readonly Option<string[]> Plugins = new("--plugins")
    {
        Description = "Extra plugin folder (a plugin folder, or a folder of plugin folders). Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override an experiment value: --set model.generator.latent_dim=64, --set stages.0.epochs=1. Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show debug messages and stack traces.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Show warnings and errors only.",
        Recursive = true,
    };

    public static Argument<string> Experiment(string description) => new("experiment") { Description = description };

    public static GlobalOptions Globals(ParseResult result) => new(
        result.GetValue(Plugins) ?? [],
        result.GetValue(Verbose) ? LogLevel.Debug : result.GetValue(Quiet) ? LogLevel.Warning : LogLevel.Information);
}
