using System.CommandLine;
using System.Globalization;
using Gan.Native;
using Gan.Tests.Shared;
using TorchSharp;

namespace Gan.Bench.Parity;

/// <summary>
/// <c>Gan.Bench parity --folder DIR</c>: every fixture of bench/parity/make_fixtures.py in DIR, built as the C# component,
/// loaded with the reference PyTorch weights and run on the reference's input; one table row per network.
/// </summary>
public sealed class ParityScenario : IBenchmarkScenario
{
    private static readonly Option<DirectoryInfo> Folder = new("--folder")
    {
        Description = "Folder of fixtures (one sub-folder per network). Default: the committed tiny ones, tests/fixtures/parity.",
        DefaultValueFactory = _ => new DirectoryInfo(ParityFixture.TinyRoot),
    };

    /// <inheritdoc />
    public string Name => "parity";

    /// <inheritdoc />
    public string Description => "The C# networks against the reference PyTorch networks: state_dict keys and max |output difference| (< 1e-5).";

    /// <inheritdoc />
    public IReadOnlyList<Option> Options { get; } = [Folder, CommonBenchOptions.Threads, CommonBenchOptions.Seed];

    /// <inheritdoc />
    public Task<int> RunAsync(ParseResult options, CancellationToken cancellationToken)
    {
        var folder = options.GetValue(Folder)!;
        TorchNativeLoader.EnsureLoaded(); // patches libtorch's GLIBCXX marker where the system lacks it, as the host does
        torch.set_num_threads(options.GetValue(CommonBenchOptions.Threads));
        var components = new ParityComponents(options.GetValue(CommonBenchOptions.Seed));
        var fixtures = folder.GetDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "options.json"))).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        if (fixtures.Count == 0)
        {
            Console.Error.WriteLine($"No fixtures (*/options.json) in {folder.FullName}: run bench/parity/make_fixtures.py first.");
            return Task.FromResult(2);
        }

        var rows = new List<string[]>();
        var failed = 0;
        foreach (var directory in fixtures)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            using var fixture = ParityFixture.Open(directory.FullName);
            var (network, forward) = components.Build(fixture);
            using var module = network.Module;
            var result = fixture.Check(module, forward);
            failed += result.Passed ? 0 : 1;
            rows.Add([
                result.Network,
                fixture.Component,
                result.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                ParityResult.Format(result.InputShape),
                result.ModuleKeys.SequenceEqual(result.FileKeys) ? $"{result.ModuleKeys.Count} equal" : "DIFFER",
                result.ReferenceMaxAbs.ToString("0.00e+00", CultureInfo.InvariantCulture),
                result.MaxAbsDifference.ToString("0.00e+00", CultureInfo.InvariantCulture),
                result.Passed ? "pass" : "FAIL",
            ]);
        }

        ParityTable.Print(Console.Out, rows);
        Console.WriteLine($"{rows.Count - failed} of {rows.Count} networks within {ParityResult.Tolerance:0e+0} (float32, CPU, eval mode, no grad); fixtures: {folder.FullName}");
        return Task.FromResult(failed == 0 ? 0 : 1);
    }
}
