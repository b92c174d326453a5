using System.CommandLine;
using System.Runtime.InteropServices;
using Gan.Host.Commands;

// gan: train GANs from YAML experiments. Exit codes: README, "Exit codes".
if (System.Console.IsOutputRedirected)
{
    // Redirected output goes to logs and CI: never wrap messages at an assumed 80 columns.
    Spectre.Console.AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) ? Math.Max(columns, 200) : 240;
}

var root = new RootCommand("Gan.Pipeline: train generative adversarial networks from YAML experiments, tracked in MLflow.")
{
    RunCommand.Create(),
    ValidateCommand.Create(),
    PluginsCommand.Create(),
};
root.Options.Add(CommonOptions.Verbose);
root.Options.Add(CommonOptions.Quiet);
RunCommand.AttachToRoot(root);

// Ctrl+C and SIGTERM stop training cleanly: the token is cancelled, the stage loop ends at the next step,
// and the run is closed as KILLED. A second Ctrl+C exits at once.
using var stop = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        System.Console.Error.WriteLine("Stopping after the current step (Ctrl+C again to exit at once)...");
        stop.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && !parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
{
    foreach (var error in parsed.Errors)
    {
        System.Console.Error.WriteLine($"error: {error.Message}");
    }

    System.Console.Error.WriteLine("Try 'gan --help'.");
    return 2;
}

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token);
