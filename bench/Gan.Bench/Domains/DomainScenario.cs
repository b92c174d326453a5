using System.CommandLine;
using System.Globalization;
using Gan.Bench.Mnist;
using Gan.Engine;
using Gan.Native;

namespace Gan.Bench.Domains;

/// <summary>
/// Every domain side by side: for each row of <see cref="DomainCatalog"/>, the engine running the experiment's stage
/// and the PyTorch peer running the same model and step (and, for the MNIST MLP GAN, the bare TorchSharp loop), each
/// in a fresh process, alternating for a number of rounds; then the launch-to-first-step time of every experiment and a
/// long engine run for memory growth. Prints one table with the targets' verdicts.
/// </summary>
public sealed class DomainScenario : IBenchmarkScenario
{
    internal const string EngineSide = "engine";
    internal const string BareSide = "bare";
    internal const string PyTorchSide = "pytorch";

    private readonly Option<string[]> _domains = new("--domains")
    {
        Description = "Rows to run (default: all): " + string.Join(", ", DomainCatalog.All.Select(d => d.Name)) + ".",
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<double> _stepsScale = new("--steps-scale")
    {
        Description = "Multiplies every row's step count (0.2 for a quick look; figures then carry more start-up noise).",
        DefaultValueFactory = _ => 1.0,
    };
    private readonly Option<int?> _threads = new("--threads")
    {
        Description = "torch threads on every side of every row; default: each experiment's own setting, else 2.",
    };
    private readonly Option<long> _memorySteps = new("--memory-steps")
    {
        Description = "Steps of the MNIST MLP engine run whose resident memory growth is checked (0 skips it).",
        DefaultValueFactory = _ => 5000,
    };
    private readonly Option<int> _startupRuns = new("--startup-runs")
    {
        Description = "Launch-to-first-step measurements per experiment file (median reported); 0 skips them.",
        DefaultValueFactory = _ => 3,
    };
    private readonly Option<DirectoryInfo> _cacheRoot = new("--cache-root")
    {
        Description = "The engine's cache folder (piano rolls, vocabularies); default: .cache in the repository.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryLayout.Root, ".cache")),
    };
    private readonly Option<string?> _side = new("--side") { Description = "Internal: run one side of --domain in this process.", Hidden = true };
    private readonly Option<string?> _domain = new("--domain") { Description = "Internal: the row --side runs.", Hidden = true };
    private readonly Option<long?> _steps = new("--steps") { Description = "Internal: steps --side runs.", Hidden = true };

    /// <inheritdoc />
    public string Name => "all";

    /// <inheritdoc />
    public string Description =>
        "Every domain (MNIST MLP and DCGAN, MuseGAN, LSTM predictor and recurrent GAN, QA text): engine against PyTorch, steps/s, peak memory, start-up.";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options =>
    [
        _domains, _stepsScale, _threads, _memorySteps, _startupRuns, CommonBenchOptions.Rounds, CommonBenchOptions.Seed,
        CommonBenchOptions.DataRoot, _cacheRoot, CommonBenchOptions.Python, CommonBenchOptions.Gan, _side, _domain, _steps,
    ];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult options, CancellationToken cancellationToken)
    {
        IReadOnlyList<DomainBenchmark> domains;
        try
        {
            domains = DomainCatalog.Select(Names(options.GetValue(_domains) ?? []));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var dataRoot = options.GetRequiredValue(CommonBenchOptions.DataRoot).FullName;
        var cacheRoot = options.GetRequiredValue(_cacheRoot).FullName;
        var seed = options.GetValue(CommonBenchOptions.Seed);
        var threads = options.GetValue(_threads);
        if (options.GetValue(_side) is { } side)
        {
            var domain = DomainCatalog.Get(options.GetValue(_domain) ?? throw new ArgumentException("--side needs --domain"));
            var settings = new DomainRunSettings(domain, options.GetValue(_steps) ?? domain.Steps, threads ?? domain.Threads, seed, dataRoot, cacheRoot);
            return await RunOneSideAsync(side, settings, cancellationToken);
        }

        var gan = options.GetRequiredValue(CommonBenchOptions.Gan);
        var startupRuns = options.GetValue(_startupRuns);
        if (startupRuns > 0 && !gan.Exists)
        {
            await Console.Error.WriteLineAsync($"{gan.FullName} not found: build it first (dotnet build -c Release src/Gan.Host) or pass --gan.");
            return 2;
        }

        var rounds = options.GetValue(CommonBenchOptions.Rounds);
        var scale = options.GetValue(_stepsScale);
        var python = options.GetRequiredValue(CommonBenchOptions.Python);
        var report = new DomainReport(rounds, DateTimeOffset.Now);
        Console.WriteLine($"{domains.Count} domain(s), {rounds} round(s), sides alternate in each round; load now: {LoadAverage.Now()} on {Environment.ProcessorCount} CPU(s).");
        foreach (var domain in domains)
        {
            var settings = new DomainRunSettings(domain, Math.Max(1, (long)Math.Round(domain.Steps * scale)), threads ?? domain.Threads, seed, dataRoot, cacheRoot);
            Console.WriteLine($"{domain.Name}: {domain.Title}, {settings.Steps} steps, {settings.Threads} torch thread(s)");
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var s in Sides(domain))
                {
                    var measurement = s == PyTorchSide
                        ? await PyTorchPeer.RunAsync(python, domain.PeerPath, PeerArguments(settings), cancellationToken)
                        : await RunSideInChildAsync(s, settings, cancellationToken);
                    report.Add(domain, settings, measurement);
                    Console.WriteLine($"  round {round}/{rounds} {s,-7} {measurement.Summary()}");
                }
            }
        }

        var allDomains = domains.Count == DomainCatalog.All.Count;
        await MeasureStartupsAsync(domains, allDomains, startupRuns, gan.FullName, dataRoot, cacheRoot, threads, report, cancellationToken);

        var memorySteps = options.GetValue(_memorySteps);
        if (memorySteps > 0 && domains.FirstOrDefault(d => d.HasBareLoop) is { } mnist)
        {
            Console.WriteLine($"memory run: {mnist.Name}, engine, {memorySteps} steps ...");
            var settings = new DomainRunSettings(mnist, memorySteps, threads ?? mnist.Threads, seed, dataRoot, cacheRoot);
            report.MemoryRun = (mnist, await RunSideInChildAsync(EngineSide, settings, cancellationToken));
            Console.WriteLine($"  memory run engine  {report.MemoryRun.Value.Run.Summary()}");
        }

        Console.WriteLine($"Load now: {LoadAverage.Now()}.");
        Console.WriteLine();
        report.Print(Console.Out);
        return 0;
    }

    private static IReadOnlyCollection<string> Names(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<string> Sides(DomainBenchmark domain) =>
        domain.HasBareLoop ? [EngineSide, BareSide, PyTorchSide] : [EngineSide, PyTorchSide];

    private static async Task MeasureStartupsAsync(
        IReadOnlyList<DomainBenchmark> domains, bool allDomains, int runs, string gan, string dataRoot, string cacheRoot, int? threads,
        DomainReport report, CancellationToken cancellationToken)
    {
        if (runs <= 0)
        {
            return;
        }

        // The rows' experiments (their caches exist: the timed runs built them), then the start-up-only ones.
        var launches = domains.GroupBy(d => d.Experiment).Select(g => g.First())
            .Select(d => (d.Experiment, d.ExperimentPath, Overrides: d.Overrides.Append($"threads={threads ?? d.Threads}"), Generated: (string?)null, WarmUp: false))
            .Concat(allDomains
                ? DomainCatalog.StartupOnly.Select(s => (s.Experiment, s.ExperimentPath,
                    Overrides: threads is { } t ? s.Overrides.Append($"threads={t}") : s.Overrides, Generated: s.GeneratedDataset, WarmUp: true))
                : [])
            .ToList();
        var generatedRoot = Path.Combine(cacheRoot, "bench-data");
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        foreach (var (experiment, path, overrides, generated, warmUp) in launches)
        {
            if (generated is not null && !Directory.Exists(Path.Combine(generatedRoot, generated)))
            {
                await WriteShapesDatasetAsync(gan, Path.Combine(generatedRoot, generated), cancellationToken);
            }

            var stageCount = engine.Loader.Load(path, []).Stages.Count;
            var settings = overrides
                .Select(o => o.Replace("{data_root}", dataRoot, StringComparison.Ordinal).Replace("{generated_root}", generatedRoot, StringComparison.Ordinal))
                .Append($"cache_root={cacheRoot}")
                .ToList();
            if (warmUp)
            {
                // Builds the experiment's caches (vocabulary, decoded images) so the timed launches find them.
                await StartupProbe.RunAsync(gan, path, stageCount, settings, cancellationToken);
            }

            for (var i = 1; i <= runs; i++)
            {
                var startup = await StartupProbe.RunAsync(gan, path, stageCount, settings, cancellationToken);
                report.AddStartup(experiment, startup);
                Console.WriteLine($"start-up {experiment} {i}/{runs}: first step done {startup.ToFirstStep.TotalSeconds:F2} s after launch");
            }
        }
    }

    private static async Task WriteShapesDatasetAsync(string gan, string folder, CancellationToken cancellationToken)
    {
        var result = await ChildProcess.RunAsync(gan, ["make-shapes-dataset", folder], null, RepositoryLayout.Root, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{gan} make-shapes-dataset {folder} failed: {result.Describe()}");
        }
    }

    private static async Task<int> RunOneSideAsync(string side, DomainRunSettings settings, CancellationToken cancellationToken)
    {
        // The engine's native loader patches and loads libtorch exactly as the host does, before any torch call.
        TorchNativeLoader.EnsureLoaded();
        var measurement = side == EngineSide
            ? await EngineStageRun.RunAsync(settings, cancellationToken)
            : throw new ArgumentException($"Side '{side}' does not run in-process here.", nameof(side));
        Console.WriteLine(measurement.ToJson());
        return 0;
    }

    /// <summary>Each side in a fresh process: no allocator or JIT state carried between sides.</summary>
    private static async Task<LoopMeasurement> RunSideInChildAsync(string side, DomainRunSettings settings, CancellationToken cancellationToken)
    {
        var common = new[]
        {
            "--steps", settings.Steps.ToString(CultureInfo.InvariantCulture),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--data-root", settings.DataRoot,
        };
        string[] arguments = side == BareSide
            // The bare loop is the mnist-mlp scenario's; its memory samples follow the row's cadence.
            ? ["mnist-mlp", "--side", BareSide, "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
                "--warmup-steps", settings.Domain.WarmupSteps.ToString(CultureInfo.InvariantCulture),
                "--sample-every", settings.Domain.SampleEvery.ToString(CultureInfo.InvariantCulture), .. common]
            : ["all", "--side", side, "--domain", settings.Domain.Name, "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
                "--cache-root", settings.CacheRoot, .. common];
        return await SideProcess.RunAsync(arguments, $"{side} side of {settings.Domain.Name}", cancellationToken);
    }

    private static string[] PeerArguments(DomainRunSettings settings)
    {
        var arguments = new List<string>
        {
            "--data-root", settings.DataRoot,
            "--cache-root", settings.CacheRoot,
            "--steps", settings.Steps.ToString(CultureInfo.InvariantCulture),
            "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--warmup-steps", settings.Domain.WarmupSteps.ToString(CultureInfo.InvariantCulture),
            "--sample-every", settings.Domain.SampleEvery.ToString(CultureInfo.InvariantCulture),
        };
        if (settings.Domain.PeerVariant is { } variant)
        {
            arguments.AddRange(["--variant", variant]);
        }

        return [.. arguments];
    }
}
