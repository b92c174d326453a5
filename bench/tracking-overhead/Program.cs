using System.Diagnostics;
using System.Globalization;
using Gan.Native;
using Gan.Tracking;
using Gan.Tracking.Tests;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Training-time overhead of logging every step to an MLflow server through the REST backend, against no tracking.
// The classic MNIST MLP GAN step (batch 64) on random data; sides alternate, medians reported.
//   dotnet run -c Release --project bench/tracking-overhead -- [--steps 300] [--repeats 7] [--threads N]
//   dotnet run -c Release --project bench/tracking-overhead -- serve [--port 5055]   (the test server, standalone)
var steps = Option("--steps", 300);
var repeats = Option("--repeats", 7);
var threads = Option("--threads", 0);
TorchNativeLoader.EnsureLoaded();
if (threads > 0)
{
    torch.set_num_threads(threads);
}

if (args.Contains("serve"))
{
    using var standalone = new MlflowTestServer();
    Console.WriteLine($"MLflow test server listening on {standalone.Uri} (Ctrl+C to stop)");
    var done = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
    await done.Task;
    foreach (var id in standalone.RunIds())
    {
        var run = standalone.GetRun(id);
        Console.WriteLine($"run {id} '{run.Name}' {run.Status}: {run.Params.Count} params, {run.Tags.Count} tags, {run.Metrics.Count} metric points, " +
            $"{standalone.Artifacts().Keys.Count(k => k.Contains(id, StringComparison.Ordinal))} artifacts");
    }

    return;
}

torch.manual_seed(1);
long logTicks = 0;
using var server = new MlflowTestServer();
var spool = Path.Combine(Path.GetTempPath(), "gan-tracking-bench-spool");
using var store = new RestTrackingStore(
    MlflowConnection.Resolve(server.Uri, _ => null),
    new MlflowRestOptions { SpoolDirectory = spool });

var generator = Sequential(
    Linear(100, 256), LeakyReLU(0.2),     // 256
    Linear(256, 512), LeakyReLU(0.2),     // 512
    Linear(512, 1024), LeakyReLU(0.2),    // 1024
    Linear(1024, 784), Tanh());           // 784 = 1 x 28 x 28
var discriminator = Sequential(
    Linear(784, 512), LeakyReLU(0.2),     // 512
    Linear(512, 256), LeakyReLU(0.2),     // 256
    Linear(256, 1), Sigmoid());           // 1
var optG = optim.Adam(generator.parameters(), 2e-4, 0.5, 0.999);
var optD = optim.Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
var bce = BCELoss();
var real = (rand(64, 784) * 2 - 1).DetachFromDisposeScope();
var ones = torch.ones(64, 1).DetachFromDisposeScope();
var zeros = torch.zeros(64, 1).DetachFromDisposeScope();

Dictionary<string, double> Step()
{
    using var scope = NewDisposeScope();
    // Discriminator: real up, fake down.
    optD.zero_grad();
    var z = randn(64, 100);
    var fake = generator.call(z);
    var dReal = discriminator.call(real);
    var dFake = discriminator.call(fake.detach());
    var lossD = bce.call(dReal, ones) + bce.call(dFake, zeros);
    lossD.backward();
    optD.step();
    // Generator: fool the discriminator.
    optG.zero_grad();
    var lossG = bce.call(discriminator.call(fake), ones);
    lossG.backward();
    optG.step();
    return new Dictionary<string, double>
    {
        ["loss_D"] = lossD.item<float>(),
        ["loss_G"] = lossG.item<float>(),
        ["D_x"] = dReal.mean().item<float>(),
        ["D_G_z"] = dFake.mean().item<float>(),
    };
}

async Task<(double Seconds, double EndSeconds)> RunSideAsync(bool tracked, int repeat)
{
    ITrackedRun? run = tracked
        ? await store.StartRunAsync(new RunStartRequest("tracking-overhead", $"rest-{repeat}", new Dictionary<string, string>()), CancellationToken.None)
        : null;
    var watch = Stopwatch.StartNew();
    for (var step = 0; step < steps; step++)
    {
        var metrics = Step();
        if (run is not null)
        {
            var before = Stopwatch.GetTimestamp();
            run.LogMetrics(metrics, step);
            logTicks += Stopwatch.GetTimestamp() - before;
        }
    }

    var seconds = watch.Elapsed.TotalSeconds;
    double end = 0;
    if (run is not null)
    {
        var endWatch = Stopwatch.StartNew();
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);
        await run.DisposeAsync();
        end = endWatch.Elapsed.TotalSeconds;
    }

    return (seconds, end);
}

for (var i = 0; i < 30; i++)
{
    Step();
}

var none = new List<double>();
var rest = new List<double>();
var ends = new List<double>();
for (var repeat = 0; repeat < repeats; repeat++)
{
    // Alternate which side goes first: other processes on the machine swing timings.
    foreach (var tracked in repeat % 2 == 0 ? new[] { false, true } : [true, false])
    {
        var (seconds, end) = await RunSideAsync(tracked, repeat);
        (tracked ? rest : none).Add(seconds);
        if (tracked)
        {
            ends.Add(end);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repeat {repeat} {(tracked ? "rest" : "none"),-4} {seconds:F3} s ({steps / seconds:F1} steps/s){(tracked ? $", end flush {end * 1000:F0} ms" : "")}"));
    }
}

var runs = server.RunIds().Select(server.GetRun).ToList();
var complete = runs.All(r => r.Status == "FINISHED" && r.Metrics.Count(m => m.Key == "loss_D") == steps);
var logBatches = server.Batches.Count;
double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

var mNone = Median(none);
var pairRatios = none.Zip(rest, (n, r) => r / n).ToList();
var perCallMicros = logTicks * 1e6 / Stopwatch.Frequency / (steps * (double)repeats);
var mRest = Median(rest);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"steps per side {steps}, repeats {repeats}, metrics per step 4, log-batch requests {logBatches} for {runs.Count} runs, all steps on the server exactly: {complete}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median no tracking: {mNone:F3} s ({steps / mNone:F1} steps/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median REST every step: {mRest:F3} s ({steps / mRest:F1} steps/s); median end flush {Median(ends) * 1000:F0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overhead: {(mRest / mNone - 1) * 100:+0.00;-0.00}% (ratio {mRest / mNone:F4}); target < 2%"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of paired ratios (rest/none, same repeat): {Median(pairRatios):F4}; pairs {string.Join(", ", pairRatios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time inside LogMetrics on the training thread: {perCallMicros:F1} us per step = {perCallMicros * 1e-6 / (mNone / steps) * 100:F3}% of a step"));

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
