using Microsoft.Extensions.Logging;

namespace Gan.Host.Hosting;

/// <summary>
/// Reads the options that shape the host (<c>--plugins</c>, <c>--verbose</c>, <c>--quiet</c>) before the
/// command line is parsed: plugins must be loaded first, because they contribute commands.
/// </summary>
internal static class GlobalOptionsScanner
{
    public static GlobalOptions Scan(IReadOnlyList<string> args)
    {
        var plugins = new List<string>();
        var level = LogLevel.Information;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--plugins" && i + 1 < args.Count)
            {
                plugins.Add(args[++i]);
            }
            else if (arg.StartsWith("--plugins=", StringComparison.Ordinal))
            {
                plugins.Add(arg["--plugins=".Length..]);
            }
            else if (arg is "--verbose" or "-v")
            {
                level = LogLevel.Debug;
            }
            else if (arg is "--quiet" or "-q" && level != LogLevel.Debug)
            {
                level = LogLevel.Warning;
            }
        }

        return new GlobalOptions(plugins, level);
    }
}
