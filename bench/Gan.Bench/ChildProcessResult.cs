namespace Gan.Bench;

/// <summary>What a finished child process did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Everything it wrote to standard output.</param>
/// <param name="Errors">Everything it wrote to standard error.</param>
/// <param name="LaunchedAtUnixMs">When it was launched, in Unix milliseconds.</param>
/// <param name="Elapsed">Wall time from launch to exit.</param>
public sealed record ChildProcessResult(int ExitCode, string Output, string Errors, long LaunchedAtUnixMs, TimeSpan Elapsed)
{
    /// <summary>The last line of standard output that starts with '{': where children print their JSON result.</summary>
    public string? LastJsonLine =>
        Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('{'));

    /// <summary>A short description of a failure: the exit code and the end of standard error.</summary>
    public string Describe()
    {
        var tail = string.Join('\n', Errors.Split('\n').TakeLast(15));
        var outTail = string.Join('\n', Output.Split('\n').TakeLast(10));
        return $"exit code {ExitCode}\n--- stderr (end) ---\n{tail}\n--- stdout (end) ---\n{outTail}";
    }
}
