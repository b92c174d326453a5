using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Gan.Host.Console;

/// <summary>
/// Writes log lines through Spectre.Console, so they appear above the live progress display instead of
/// tearing it (the Microsoft console logger writes from its own thread, behind Spectre's back).
/// </summary>
internal sealed class SpectreLoggerProvider : ILoggerProvider
{
    private readonly LogLevel _minimum;

    public SpectreLoggerProvider(LogLevel minimum) => _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new SpectreLogger(categoryName, _minimum);

    public void Dispose() { }

    private sealed class SpectreLogger(string category, LogLevel minimum) : ILogger
    {
        private static readonly Lock Gate = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var (label, style) = logLevel switch
            {
                LogLevel.Trace => ("trce", "grey"),
                LogLevel.Debug => ("dbug", "grey"),
                LogLevel.Information => ("info", "green"),
                LogLevel.Warning => ("warn", "yellow"),
                LogLevel.Error => ("fail", "red"),
                _ => ("crit", "red bold"),
            };
            var message = formatter(state, exception);
            var source = minimum <= LogLevel.Debug ? $" [grey]{Markup.Escape(category)}[/]" : "";
            lock (Gate)
            {
                DiagnosticConsole.Instance.MarkupLine($"[{style}]{label}[/]{source} {Markup.Escape(message)}");
                if (exception is not null && minimum <= LogLevel.Debug)
                {
                    DiagnosticConsole.Instance.WriteLine(exception.ToString());
                }
            }
        }
    }
}
