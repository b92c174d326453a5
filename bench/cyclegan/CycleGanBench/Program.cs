// Seconds per CycleGAN iteration through the real engine (data source, trainer, per-step dispose scope,
// tracking), the C# side of bench/cyclegan/run.sh. Prints one JSON line like cyclegan_bench.py.
using System.Globalization;
using System.Text.Json;
using CycleGanBench;
using Gan.Abstractions;
using Gan.Engine;
using Gan.Native;
using Gan.Engine.Training;
using Gan.Tracking;
using Gan.Toolkit;

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => args[p.i + 1], StringComparer.Ordinal);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var iterations = Option("iters", 20);
var warmup = Option("warmup", 3);
var size = Option("size", 128);
var threads = Option("threads", 2);
var blocks = Option("blocks", 9);

TorchNativeLoader.EnsureLoaded();
var work = Path.Combine(Path.GetTempPath(), $"cyclegan-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
try
{
    using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
    var total = warmup + iterations;
    // One epoch covers every step, so no epoch-end work (samples, LR update) falls inside the timing.
    await engine.RunToolAsync("make-shapes-dataset",
        [Path.Combine(work, "shapes"), "--size", size.ToString(CultureInfo.InvariantCulture), "--train", total.ToString(CultureInfo.InvariantCulture), "--test", "2"]);

    var experiment = engine.Loader.Load(Path.Combine(AppContext.BaseDirectory, "bench-128.yaml"),
    [
        $"threads={threads}", $"data_root={work}", $"data.load_size={size}", $"data.crop_size={size}",
        $"model.generator.type=resnet_{blocks}blocks", $"stages.0.steps={total}",
        $"tracking.uri={Path.Combine(work, "mlruns")}", $"checkpoints.directory={Path.Combine(work, "checkpoints")}",
    ]);
    // Resident memory after the warm-up and at every tenth of the timed iterations: flat means no per-step leak.
    // --turns DIR: take turns with the PyTorch peer iteration by iteration (run.sh's pipes in DIR).
    using var turns = options.TryGetValue("turns", out var turnsDirectory) ? new Turns(turnsDirectory) : null;
    var clock = new StepClock { MemoryAt = [.. Enumerable.Range(0, 11).Select(k => (long)warmup + (k * iterations / 10))], Turns = turns };
    var runner = engine.Runner;
    // --one-thread 1: every continuation of the run on this one thread, so libtorch sees one OpenMP team.
    var outcome = Option("one-thread", 0) == 1
        ? SingleThreadContext.Run(() => runner.RunAsync(experiment, NullProgressReporter.Instance, clock, CancellationToken.None))
        : await runner.RunAsync(experiment, NullProgressReporter.Instance, clock, CancellationToken.None);
    if (outcome.Status != RunStatus.Finished)
    {
        Console.Error.WriteLine($"The benchmark run failed: {outcome.Message}");
        return 1;
    }

    var times = clock.StepSeconds.Skip(warmup).ToList();
    var steps = times.Order().ToList();
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        side = "torchsharp",
        threads,
        size,
        iters = steps.Count,
        median_s = steps[steps.Count / 2],
        mean_s = steps.Average(),
        min_s = steps[0],
        rss_mb = clock.ResidentMb,
        times_s = times,
    }));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

