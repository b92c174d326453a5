using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Gan.Abstractions;
using Gan.Native;
using Gan.Tracking;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Bench.Overhead;

/// <summary>
/// What the engine adds to each training step on top of the bare loop, piece by piece, timed in isolation with the
/// MNIST MLP GAN's tensor sizes (batch 64): the trainer's extra metric reads, the per-step result dictionary, the
/// batch wrapper, and the tracker. Isolated timings stay meaningful on a busy machine where whole-loop
/// differences of a few percent drown in noise.
/// </summary>
public sealed class StepOverheadScenario : IBenchmarkScenario
{
    private const int BatchSize = 64;

    private readonly Option<int> _iterations = new("--iterations")
    {
        Description = "Repetitions of each piece (the median of 5 blocks is reported).",
        DefaultValueFactory = _ => 5000,
    };

    /// <inheritdoc />
    public string Name => "step-overhead";

    /// <inheritdoc />
    public string Description => "Per-step cost of the engine's additions to the bare GAN step (metric reads, dictionaries, tracker), in microseconds.";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options => [_iterations, CommonBenchOptions.Threads];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult options, CancellationToken cancellationToken)
    {
        TorchNativeLoader.EnsureLoaded();
        torch.set_num_threads(options.GetValue(CommonBenchOptions.Threads));
        torch.manual_seed(1);
        var iterations = options.GetValue(_iterations);

        // Scores with an autograd history, as the discriminator returns them.
        using var head = nn.Linear(256, 1);
        using var features = randn(2 * BatchSize, 256);
        Console.WriteLine($"Per-step cost, median of 5 blocks of {iterations} iterations (microseconds per step):");

        Report("bare loop's own reads: d_loss.item() + g_loss.item()", Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            var scores = head.forward(features).view(-1);
            var loss = scores.mean();
            _ = loss.item<float>();
            _ = loss.item<float>();
        }) - Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            _ = head.forward(features).view(-1).mean();
        }));

        Report("trainer's extra reads: d_acc (2 compares, 2 sums, add, item) + d_real, d_fake (mean, item)", Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            var scores = head.forward(features).view(-1);
            var real = scores.narrow(0, 0, BatchSize);
            var fake = scores.narrow(0, BatchSize, BatchSize);
            var correct = (real.detach() > 0.0).sum().add((fake <= 0.0).sum());
            _ = correct.item<long>() / (double)(real.numel() + fake.numel());
            _ = real.mean().item<float>();
            _ = fake.mean().item<float>();
        }) - Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            var scores = head.forward(features).view(-1);
            _ = scores.narrow(0, 0, BatchSize);
            _ = scores.narrow(0, BatchSize, BatchSize);
        }));

        Report("result dictionary (5 entries) + finite check", Time(iterations, () =>
        {
            var values = new Dictionary<string, double>(5)
            {
                ["d_loss"] = 1, ["g_loss"] = 2, ["d_acc"] = 0.5, ["d_real"] = 0.1, ["d_fake"] = -0.1,
            };
            foreach (var (_, value) in values)
            {
                if (!double.IsFinite(value))
                {
                    throw new InvalidOperationException();
                }
            }
        }));

        using var samples = randn(BatchSize, 1, 28, 28);
        using var targets = zeros(BatchSize, dtype: ScalarType.Int64);
        // MoveTo compares devices with ==, which is false for two CPU Device objects: every step the engine makes
        // new tensor handles with .to(cpu), a new dictionary and a new Batch, and disposes the originals.
        Report("Batch wrapper: new Batch + MoveTo(cpu) (re-wraps the tensors every step)", Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            var batch = new Batch(new Dictionary<string, Tensor> { [Batch.SamplesKey] = samples.alias(), [Batch.TargetsKey] = targets.alias() });
            batch.MoveTo(CPU).Dispose();
        }) - Time(iterations, () =>
        {
            using var scope = NewDisposeScope();
            _ = samples.alias();
            _ = targets.alias();
        }));

        await TrackerCostAsync(iterations * 5, cancellationToken);
        return 0;
    }

    /// <summary>
    /// LogMetrics of the trainer's 5 values per step into MLflow's SQLite store (the default) and its file store: the
    /// training thread only enqueues; the writer thread writes, and on a 2-core machine that thread competes with torch's.
    /// </summary>
    private static async Task TrackerCostAsync(int steps, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("gan-bench-overhead-");
        try
        {
            await TrackerCostAsync("SQLite store", new Gan.Tracking.Sqlite.SqliteTrackingStore(Path.Combine(scratch.FullName, "mlflow.db"), Path.Combine(scratch.FullName, "mlruns")), steps, cancellationToken);
            await TrackerCostAsync("file store", new FileTrackingStore(Path.Combine(scratch.FullName, "file-store")), steps, cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task TrackerCostAsync(string name, ITrackingStore store, int steps, CancellationToken cancellationToken)
    {
        var run = await store.StartRunAsync(new RunStartRequest("bench", "overhead", new Dictionary<string, string>()), cancellationToken);
        var values = new Dictionary<string, double> { ["d_loss"] = 1, ["g_loss"] = 2, ["d_acc"] = 0.5, ["d_real"] = 0.1, ["d_fake"] = -0.1 };
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (long step = 1; step <= steps; step++)
        {
            run.LogMetrics(values, step);
        }

        var callerSeconds = clock.Elapsed.TotalSeconds;
        await run.EndAsync(RunStatus.Finished, cancellationToken);
        await run.DisposeAsync();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Report($"tracker ({name}): LogMetrics(5 values), training thread only", callerSeconds / steps * 1e6);
        Report($"tracker ({name}): all threads' CPU incl. the background writer", cpuSeconds / steps * 1e6);
    }

    /// <summary>Median over 5 blocks of the wall time per iteration, in microseconds, after one warm-up block.</summary>
    private static double Time(int iterations, Action body)
    {
        var blocks = new List<double>();
        for (var block = 0; block < 6; block++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }

            if (block > 0)
            {
                blocks.Add(clock.Elapsed.TotalMicroseconds / iterations);
            }
        }

        return Statistics.Median(blocks);
    }

    private static void Report(string what, double microseconds) =>
        Console.WriteLine($"  {what,-92} {microseconds.ToString("F1", CultureInfo.InvariantCulture),8} us");
}
