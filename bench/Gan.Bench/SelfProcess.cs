using System.Reflection;

namespace Gan.Bench;

/// <summary>How to start this benchmark program again, e.g. to measure one side in a fresh process.</summary>
public static class SelfProcess
{
    /// <summary>The executable and the leading arguments that start this program (apphost, or dotnet + dll).</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) Command()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [Assembly.GetEntryAssembly()!.Location])
            : (process, []);
    }
}
