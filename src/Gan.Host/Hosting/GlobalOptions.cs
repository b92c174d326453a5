using Microsoft.Extensions.Logging;

namespace Gan.Host.Hosting;

/// <summary>Options every command shares.</summary>
/// <param name="PluginDirectories">Folders given with <c>--plugins</c>.</param>
/// <param name="LogLevel">The minimum level shown (<c>--verbose</c>: Debug, <c>--quiet</c>: Warning).</param>
internal sealed record GlobalOptions(IReadOnlyList<string> PluginDirectories, LogLevel LogLevel);
