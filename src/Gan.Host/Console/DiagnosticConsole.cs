using Spectre.Console;

namespace Gan.Host.Console;

/// <summary>
/// The console for everything that is not a command's result — logs, progress, errors — bound to standard
/// error, so that standard output carries only results (answers, listings) and can be piped.
/// </summary>
internal static class DiagnosticConsole
{
    public static IAnsiConsole Instance { get; } = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        if (System.Console.IsErrorRedirected)
        {
            // Redirected output goes to logs and CI: never wrap messages at an assumed 80 columns.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>The line width used when a stream is redirected: $COLUMNS if larger, else 240.</summary>
    public static int RedirectedWidth =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) ? Math.Max(columns, 200) : 240;
}
