using Gan.Bench;

// Gan.Bench <scenario> [options]: each scenario is one IBenchmarkScenario class, found by reflection.
var scenarios = ScenarioCatalog.Discover();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await ScenarioCatalog.BuildCommandLine(scenarios).Parse(args).InvokeAsync(cancellationToken: stop.Token);
