using System.Diagnostics;
using System.Text;

namespace Gan.Host.Commands;

/// <summary>
/// Starts MLflow's own UI (<c>mlflow ui</c>) on a run store. MLflow refuses a database whose schema is older than its
/// own until <c>mlflow db upgrade</c> has run; when it says so, the launcher runs the upgrade once and starts again.
/// </summary>
internal sealed class MlflowUiLauncher
{
    /// <summary>What MLflow prints when a database needs <c>mlflow db upgrade</c> (mlflow/store/db/utils.py, _verify_schema).</summary>
    internal const string OutOfDateSchemaMessage = "out-of-date database schema";

    private readonly string _mlflow;
    private readonly TextWriter _output;

    public MlflowUiLauncher(string mlflowExecutable, TextWriter output)
    {
        _mlflow = mlflowExecutable;
        _output = output;
    }

    /// <summary>The <c>mlflow</c> executable: <paramref name="configured"/>, else the first on <paramref name="path"/>; null when none.</summary>
    public static string? Find(string? configured, string? path)
    {
        if (configured is { Length: > 0 })
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "mlflow.exe" : "mlflow");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The arguments of <c>mlflow ui</c> for a store.</summary>
    public static List<string> UiArguments(string backendUri, string? artifactRoot, string host, int port)
    {
        var arguments = new List<string> { "ui", "--backend-store-uri", backendUri };
        if (artifactRoot is not null)
        {
            arguments.AddRange(["--default-artifact-root", artifactRoot]);
        }

        arguments.AddRange(["--host", host, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return arguments;
    }

    /// <summary>Runs the UI until it exits or <paramref name="ct"/> fires; upgrades a SQL store once if MLflow asks.</summary>
    /// <returns>MLflow's exit code (0 when stopped through <paramref name="ct"/>).</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> uiArguments, string? upgradeUri, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var (exitCode, output) = await RunMlflowAsync(uiArguments, environment, ct);
        if (exitCode == 0 || ct.IsCancellationRequested || upgradeUri is null
            || !output.Contains(OutOfDateSchemaMessage, StringComparison.OrdinalIgnoreCase))
        {
            return ct.IsCancellationRequested ? 0 : exitCode;
        }

        _output.WriteLine($"MLflow asks for a schema upgrade: running 'mlflow db upgrade {upgradeUri}' (older MLflow versions cannot open the file afterwards).");
        var (upgradeExit, _) = await RunMlflowAsync(["db", "upgrade", upgradeUri], environment, ct);
        if (upgradeExit != 0)
        {
            return upgradeExit;
        }

        (exitCode, _) = await RunMlflowAsync(uiArguments, environment, ct);
        return ct.IsCancellationRequested ? 0 : exitCode;
    }

    private async Task<(int ExitCode, string Output)> RunMlflowAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(_mlflow)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_mlflow}.");
        var seen = new StringBuilder();
        var pump = Task.WhenAll(Echo(process.StandardOutput, seen), Echo(process.StandardError, seen));
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop MLflow's server (gunicorn/uvicorn workers included) with us.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await pump;
        return (process.ExitCode, seen.ToString());
    }

    private async Task Echo(StreamReader reader, StringBuilder seen)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (seen)
            {
                seen.AppendLine(line);
                _output.WriteLine(line);
            }
        }
    }
}
