using System.Diagnostics;
using System.Reflection;

namespace Gan.Engine.Tests.Infrastructure;

/// <summary>Runs the real <c>gan</c> executable built from src/Gan.Host, as a user would.</summary>
internal sealed class GanProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private GanProcess(string workingDirectory, IEnumerable<string> arguments)
    {
        // Through `env --default-signal=INT` (GNU coreutils): a test run started in the background of a script
        // (nohup, `&`) has SIGINT ignored, the child would inherit that, and Ctrl+C tests could never pass. A user's
        // terminal gives gan the default disposition; so does this.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "200";
        _process = Process.Start(start)!;
        _output = _process.StandardOutput.ReadToEndAsync();
        _error = _process.StandardError.ReadToEndAsync();
    }

    public static string Executable { get; } = FindExecutable();

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static GanProcess Start(string workingDirectory, params string[] arguments) => new(workingDirectory, arguments);

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments);
        return process.WaitForExit(TimeSpan.FromMinutes(3));
    }

    public (int ExitCode, string Output) WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gan did not exit within {timeout}:\n{_output.Result}\n{_error.Result}");
        }

        return (_process.ExitCode, _output.Result + _error.Result);
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string FindExecutable()
    {
        var configuration = typeof(GanProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Configuration").Value!;
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Gan.Host", "bin", configuration, "net10.0");
        return Directory.GetFiles(folder, "gan", SearchOption.AllDirectories).First();
    }
}
