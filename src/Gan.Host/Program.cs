using System.CommandLine;
using System.Runtime.InteropServices;
using Gan.Abstractions;
using Gan.Host.Commands;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;

// gan: train GANs from YAML experiments. Exit codes: README, "Exit codes".
if (Console.IsOutputRedirected)
{
    // Redirected output goes to logs and CI: never wrap messages at an assumed 80 columns.
    Spectre.Console.AnsiConsole.Profile.Width = Gan.Host.Console.DiagnosticConsole.RedirectedWidth;
}

// Plugins load first: they contribute components and commands.
var globals = GlobalOptionsScanner.Scan(args);
using var host = GanHost.Build(globals);

var root = new RootCommand("Gan.Pipeline: train generative adversarial networks from YAML experiments, tracked in MLflow.")
{
    RunCommand.Create(host, globals),
    ValidateCommand.Create(host, globals),
    PluginsCommand.Create(host, globals),
    SweepCommand.Create(host, globals),
    RunsCommand.Create(host, globals),
    ExportCommand.Create(host, globals),
    SampleCommand.Create(host, globals),
    TrackingCommand.Create(host, globals),
    UiCommand.Create(globals),
};
root.Options.Add(CommonOptions.Verbose);
root.Options.Add(CommonOptions.Quiet);
RunCommand.AttachToRoot(root, host, globals);
foreach (var tool in host.Services.GetServices<IGanTool>())
{
    if (root.Subcommands.Any(c => c.Name == tool.Name))
    {
        Console.Error.WriteLine($"warning: plugin command '{tool.Name}' ignored: the name is taken.");
        continue;
    }

    root.Subcommands.Add(ToolCommand.Create(tool, host, globals));
}

// Ctrl+C and SIGTERM stop training cleanly: the token is cancelled, the stage loop ends at the next step,
// and the run is closed as KILLED. A second Ctrl+C exits at once.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        Console.Error.WriteLine("Stopping after the current step (Ctrl+C again to exit at once)...");
        stop.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var parsed = root.Parse(args);
var isToolCommand = parsed.CommandResult.Command is ToolCommand;
if (parsed.CommandResult.Command is ToolCommand toolCommand && ToolCommand.AsksForHelp(parsed))
{
    // A plugin command's help comes from its options (or its own usage), not from System.CommandLine.
    Console.Out.Write(Gan.Configuration.ToolInvocation.Help(toolCommand.Tool));
    return 0;
}

if (parsed.Errors.Count > 0 && !isToolCommand && !parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Try 'gan --help'.");
    return 2;
}

return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token);
