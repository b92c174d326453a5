using System.CommandLine;
using System.Globalization;
using Gan.Native;

namespace Gan.Bench.Mnist;

/// <summary>
/// The classic MNIST MLP GAN three ways: the project's engine, a bare TorchSharp loop and PyTorch, alternated for a
/// number of rounds, each run in a fresh process; then a long engine run for memory growth and the host's start-up.
/// </summary>
public sealed class MnistMlpScenario : IBenchmarkScenario
{
    private const string EngineSide = "engine";
    private const string BareSide = "bare";
    private const string PyTorchSide = "pytorch";

    private readonly Option<long> _steps = new("--steps") { Description = "Training steps per timed run.", DefaultValueFactory = _ => 2000 };
    private readonly Option<long> _memorySteps = new("--memory-steps")
    {
        Description = "Steps of the engine run whose resident memory growth is checked (0 skips it).",
        DefaultValueFactory = _ => 5000,
    };
    private readonly Option<long> _warmupSteps = new("--warmup-steps")
    {
        Description = "Steps before the first resident-memory sample.",
        DefaultValueFactory = _ => 500,
    };
    private readonly Option<long> _sampleEvery = new("--sample-every")
    {
        Description = "Steps between resident-memory samples.",
        DefaultValueFactory = _ => 250,
    };
    private readonly Option<string[]> _sides = new("--sides")
    {
        Description = "Sides to compare, in the order they alternate: engine, bare, pytorch.",
        DefaultValueFactory = _ => [EngineSide, BareSide, PyTorchSide],
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<FileInfo> _experiment = new("--experiment")
    {
        Description = "The experiment the engine side and the start-up probe run (stopped after --steps).",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(RepositoryLayout.Root, "experiments", "mnist.yaml")),
    };
    private readonly Option<int> _startupRuns = new("--startup-runs")
    {
        Description = "Start-up measurements (median reported); 0 skips them.",
        DefaultValueFactory = _ => 3,
    };
    private readonly Option<string?> _side = new("--side")
    {
        Description = "Internal: run only this side in this process and print its measurement as JSON.",
        Hidden = true,
    };

    /// <inheritdoc />
    public string Name => "mnist-mlp";

    /// <inheritdoc />
    public string Description =>
        "Classic MNIST MLP GAN (batch 64, CPU): steps/s of the engine, a bare TorchSharp loop and PyTorch, memory growth, start-up.";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options =>
    [
        _steps, _memorySteps, _warmupSteps, _sampleEvery, CommonBenchOptions.Rounds, CommonBenchOptions.Threads, CommonBenchOptions.Seed,
        CommonBenchOptions.DataRoot, _sides, _experiment, CommonBenchOptions.Python, CommonBenchOptions.Gan, _startupRuns, _side,
    ];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult options, CancellationToken cancellationToken)
    {
        var settings = new MnistLoopSettings(
            options.GetRequiredValue(CommonBenchOptions.DataRoot).FullName,
            options.GetValue(_steps),
            options.GetValue(CommonBenchOptions.Threads),
            options.GetValue(CommonBenchOptions.Seed),
            options.GetValue(_warmupSteps),
            options.GetValue(_sampleEvery),
            options.GetRequiredValue(_experiment).FullName);
        if (!File.Exists(Path.Combine(settings.DataRoot, "mnist", "train-images-idx3-ubyte.gz")))
        {
            await Console.Error.WriteLineAsync($"MNIST not found: {Path.Combine(settings.DataRoot, "mnist")} has no train-images-idx3-ubyte.gz (set --data-root).");
            return 2;
        }

        if (options.GetValue(_side) is { } side)
        {
            return await RunOneSideAsync(side, settings, cancellationToken);
        }

        var sides = options.GetRequiredValue(_sides).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (sides.FirstOrDefault(s => s is not (EngineSide or BareSide or PyTorchSide)) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"Unknown side '{unknown}': use engine, bare, pytorch.");
            return 2;
        }

        var rounds = options.GetValue(CommonBenchOptions.Rounds);
        var python = options.GetRequiredValue(CommonBenchOptions.Python);
        var report = new MnistReport(settings, rounds);
        Console.WriteLine(
            $"MNIST MLP GAN, batch 64, CPU, {settings.Threads} torch threads, {settings.Steps} steps per run, {rounds} round(s), sides alternate: {string.Join(", ", sides)}.");
        Console.WriteLine($"Load now: {LoadAverage.Now()} on {Environment.ProcessorCount} CPU(s).");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var s in sides)
            {
                var measurement = s == PyTorchSide
                    ? await PyTorchPeer.RunAsync(python, PeerScript, PeerArguments(settings), cancellationToken)
                    : await RunSideInChildAsync(s, settings, cancellationToken);
                report.Add(measurement);
                Console.WriteLine($"  round {round}/{rounds} {s,-7} {measurement.Summary()}");
            }
        }

        var memorySteps = options.GetValue(_memorySteps);
        if (memorySteps > 0 && sides.Contains(EngineSide))
        {
            Console.WriteLine($"  memory run: engine, {memorySteps} steps ...");
            report.MemoryRun = await RunSideInChildAsync(EngineSide, settings with { Steps = memorySteps }, cancellationToken);
            Console.WriteLine($"  memory run engine  {report.MemoryRun.Summary()}");
        }

        var startupRuns = options.GetValue(_startupRuns);
        var gan = options.GetRequiredValue(CommonBenchOptions.Gan);
        if (startupRuns > 0)
        {
            if (!gan.Exists)
            {
                await Console.Error.WriteLineAsync($"{gan.FullName} not found: build it first (dotnet build -c Release src/Gan.Host) or pass --gan.");
                return 2;
            }

            for (var i = 1; i <= startupRuns; i++)
            {
                var startup = await StartupProbe.RunAsync(gan.FullName, settings.Experiment, 1,
                    [$"threads={settings.Threads}", $"data_root={settings.DataRoot}", "data.download=false"], cancellationToken);
                report.Startups.Add(startup);
                Console.WriteLine($"  start-up {i}/{startupRuns}: first step done {startup.ToFirstStep.TotalSeconds:F2} s after launch (process exited after {startup.ProcessTotal.TotalSeconds:F2} s)");
            }
        }

        Console.WriteLine($"Load now: {LoadAverage.Now()}.");
        Console.WriteLine();
        report.Print(Console.Out);
        return 0;
    }

    private static string PeerScript => Path.Combine(RepositoryLayout.Root, "bench", "pytorch", "mnist_gan.py");

    private static string[] PeerArguments(MnistLoopSettings settings) =>
    [
        "--data-root", settings.DataRoot,
        "--steps", settings.Steps.ToString(CultureInfo.InvariantCulture),
        "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
        "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
        "--warmup-steps", settings.WarmupSteps.ToString(CultureInfo.InvariantCulture),
        "--sample-every", settings.SampleEvery.ToString(CultureInfo.InvariantCulture),
    ];

    private static async Task<int> RunOneSideAsync(string side, MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        // The engine's native loader patches and loads libtorch exactly as the host does, before any torch call.
        TorchNativeLoader.EnsureLoaded();
        var measurement = side switch
        {
            EngineSide => await EngineLoop.RunAsync(settings, cancellationToken),
            // On a pool thread like the engine's stage loop (which runs after an await), not on the main thread: the
            // two sides then differ only in what they run. Under heavy load the bare loop on the main thread was
            // several times slower than the engine for reasons not yet pinned down (see bench/README.md).
            BareSide => await Task.Run(() => BareTorchLoop.Run(settings), cancellationToken),
            _ => throw new ArgumentException($"Side '{side}' does not run in-process.", nameof(side)),
        };
        Console.WriteLine(measurement.ToJson());
        return 0;
    }

    /// <summary>Each side in a fresh process, like the PyTorch peer: no allocator or JIT state carried between sides.</summary>
    private static async Task<LoopMeasurement> RunSideInChildAsync(string side, MnistLoopSettings settings, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "mnist-mlp", "--side", side,
            "--steps", settings.Steps.ToString(CultureInfo.InvariantCulture),
            "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--warmup-steps", settings.WarmupSteps.ToString(CultureInfo.InvariantCulture),
            "--sample-every", settings.SampleEvery.ToString(CultureInfo.InvariantCulture),
            "--data-root", settings.DataRoot,
            "--experiment", settings.Experiment,
        ];
        return await SideProcess.RunAsync(arguments, $"{side} side", cancellationToken);
    }
}
