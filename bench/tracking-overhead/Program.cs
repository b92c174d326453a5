using System.Diagnostics;
using System.Globalization;
using Gan.Native;
using Gan.Tracking;
using Gan.Tracking.Sqlite;
using Gan.Tracking.Tests;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Training-time overhead of logging every step, against no tracking, for each backend: MLflow's SQLite store (the
// default), its file store, and an MLflow server through the REST backend (the in-process test server).
// The classic MNIST MLP GAN step (batch 64) on random data; sides alternate, medians reported.
//   dotnet run -c Release --project bench/tracking-overhead -- [--steps 300] [--repeats 7] [--threads N] [--backends sqlite,file,rest]
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
var backends = (args.SkipWhile(a => a != "--backends").Skip(1).FirstOrDefault() ?? "sqlite,file,rest").Split(',');
var logTicks = backends.ToDictionary(b => b, _ => 0L);
using var server = new MlflowTestServer();
var scratch = Directory.CreateTempSubdirectory("gan-tracking-bench-");
using var restStore = new RestTrackingStore(
    MlflowConnection.Resolve(server.Uri, _ => null),
    new MlflowRestOptions { SpoolDirectory = Path.Combine(scratch.FullName, "spool") });
var sqliteStore = new SqliteTrackingStore(Path.Combine(scratch.FullName, "mlflow.db"), Path.Combine(scratch.FullName, "mlruns"));
var fileStore = new FileTrackingStore(Path.Combine(scratch.FullName, "file-store"));
ITrackingStore StoreOf(string backend) => backend switch
{
    "sqlite" => sqliteStore,
    "file" => fileStore,
    "rest" => restStore,
    _ => throw new ArgumentException($"unknown backend '{backend}' (sqlite, file, rest)"),
};

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

async Task<(double Seconds, double EndSeconds)> RunSideAsync(string? backend, int repeat)
{
    ITrackedRun? run = backend is null
        ? null
        : await StoreOf(backend).StartRunAsync(new RunStartRequest("tracking-overhead", $"{backend}-{repeat}", new Dictionary<string, string>()), CancellationToken.None);
    var watch = Stopwatch.StartNew();
    for (var step = 0; step < steps; step++)
    {
        var metrics = Step();
        if (run is not null)
        {
            var before = Stopwatch.GetTimestamp();
            run.LogMetrics(metrics, step);
            logTicks[backend!] += Stopwatch.GetTimestamp() - before;
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

var sides = new List<string?> { null };
sides.AddRange(backends);
var times = sides.ToDictionary(s => s ?? "none", _ => new List<double>());
var ends = backends.ToDictionary(b => b, _ => new List<double>());
for (var repeat = 0; repeat < repeats; repeat++)
{
    // Rotate which side goes first: other processes on the machine swing timings.
    var order = sides.Skip(repeat % sides.Count).Concat(sides.Take(repeat % sides.Count)).ToList();
    foreach (var backend in order)
    {
        var (seconds, end) = await RunSideAsync(backend, repeat);
        times[backend ?? "none"].Add(seconds);
        if (backend is not null)
        {
            ends[backend].Add(end);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repeat {repeat} {backend ?? "none",-6} {seconds:F3} s ({steps / seconds:F1} steps/s){(backend is null ? "" : $", end flush {end * 1000:F0} ms")}"));
    }
}

double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Every step of every tracked run must have arrived, exactly once.
var complete = new Dictionary<string, bool>();
if (backends.Contains("rest"))
{
    complete["rest"] = server.RunIds().Select(server.GetRun).All(r => r.Status == "FINISHED" && r.Metrics.Count(m => m.Key == "loss_D") == steps);
}

foreach (var (backend, reader) in new (string, Func<ITrackingReader>)[]
{
    ("sqlite", () => new SqliteTrackingReader(sqliteStore.DatabasePath)),
    ("file", () => new FileTrackingReader(fileStore.RootDirectory)),
})
{
    if (!backends.Contains(backend))
    {
        continue;
    }

    using var r = reader();
    var experiment = await r.FindExperimentByNameAsync("tracking-overhead", CancellationToken.None);
    var ok = experiment is not null;
    foreach (var run in experiment is null ? [] : await r.ListRunsAsync(experiment.ExperimentId, CancellationToken.None))
    {
        ok &= run.Status == RunStatus.Finished && (await r.GetMetricHistoryAsync(run.RunId, "loss_D", CancellationToken.None)).Count == steps;
    }

    complete[backend] = ok;
}

var mNone = Median(times["none"]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steps per side {steps}, repeats {repeats}, metrics per step 4, torch threads {torch.get_num_threads()}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"side",-8} {"median s",9} {"steps/s",8} {"overhead",9} {"paired",7} {"in LogMetrics",14} {"end flush",10} {"all steps stored",17}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"none",-8} {mNone,9:F3} {steps / mNone,8:F1}"));
foreach (var backend in backends)
{
    var median = Median(times[backend]);
    var paired = Median(times["none"].Zip(times[backend], (n, b) => b / n).ToList());
    var perCallMicros = logTicks[backend] * 1e6 / Stopwatch.Frequency / (steps * (double)repeats);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{backend,-8} {median,9:F3} {steps / median,8:F1} {(median / mNone - 1) * 100,8:+0.00;-0.00}% {paired,7:F4} {perCallMicros,8:F1} us/step {Median(ends[backend]) * 1000,7:F0} ms {complete.GetValueOrDefault(backend),17}"));
}

Console.WriteLine("overhead = median tracked / median untracked - 1 (target < 2 %); paired = median of tracked/untracked within a repeat;");
Console.WriteLine("in LogMetrics = time the training thread spends in the call (the rest happens on the background writer).");
scratch.Delete(recursive: true);

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
