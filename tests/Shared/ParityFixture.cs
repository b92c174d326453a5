using System.Globalization;
using System.Text.Json;
using Gan.Engine.Interchange;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Tests.Shared;

/// <summary>
/// One network's parity fixture written by bench/parity/make_fixtures.py: the reference PyTorch network's weights
/// (weights.pth), an input batch and PyTorch's output for it (io.pth), and the C# component's options (options.json).
/// Shared by the plugin tests (tiny fixtures under tests/fixtures/parity) and Gan.Bench's parity table (full sizes).
/// </summary>
internal sealed class ParityFixture : IDisposable
{
    private readonly Dictionary<string, Tensor> _io;
    private readonly JsonDocument _description;

    private ParityFixture(string folder, JsonDocument description, Dictionary<string, Tensor> io)
    {
        Folder = folder;
        _description = description;
        _io = io;
    }

    /// <summary>The committed tiny fixtures.</summary>
    public static string TinyRoot => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "parity");

    /// <summary>The fixture's folder.</summary>
    public string Folder { get; }

    /// <summary>The reference network's weights, a PyTorch state_dict file.</summary>
    public string WeightsPath => Path.Combine(Folder, "weights.pth");

    /// <summary>The network's name (the folder name), e.g. <c>cyclegan_patchgan</c>.</summary>
    public string Network => _description.RootElement.GetProperty("network").GetString()!;

    /// <summary>The input batch given to the reference network.</summary>
    public Tensor Input => Named("input");

    /// <summary>The reference network's output for <see cref="Input"/> (for a discriminator ending in a Sigmoid: its logit).</summary>
    public Tensor Output => Named("output");

    /// <summary>Reads <c>DIR/options.json</c> and <c>DIR/io.pth</c>.</summary>
    public static ParityFixture Open(string folder)
    {
        var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "options.json")));
        var io = NetworkWeights.ReadStateDict(Path.Combine(folder, "io.pth"), WeightFormat.PyTorch, "parity fixture");
        return new ParityFixture(folder, description, io);
    }

    /// <summary>A named tensor of io.pth.</summary>
    public Tensor Named(string name) => _io.TryGetValue(name, out var tensor)
        ? tensor
        : throw new KeyNotFoundException($"{Folder}/io.pth has no tensor '{name}' (it has {string.Join(", ", _io.Keys)}).");

    /// <summary>The C# component's registered name, e.g. <c>resnet_9blocks</c>.</summary>
    public string Component => _description.RootElement.GetProperty("component").GetString()!;

    /// <summary>The component's contract: <c>generator</c> or <c>discriminator</c>.</summary>
    public string Role => _description.RootElement.GetProperty("role").GetString()!;

    /// <summary>The component's options as written (a JSON object, which is also YAML), snake_case.</summary>
    public string OptionsText => _description.RootElement.GetProperty("options").GetRawText();

    /// <summary>A top-level integer of options.json outside the options, e.g. <c>n_blocks</c>.</summary>
    public int TopLevelInt(string name) => _description.RootElement.GetProperty(name).GetInt32();

    /// <summary>An integer option (snake_case, as in options.json).</summary>
    public int Int(string name) => Option(name).GetInt32();

    /// <summary>A floating-point option.</summary>
    public double Double(string name) => Option(name).GetDouble();

    /// <summary>A boolean option.</summary>
    public bool Bool(string name) => Option(name).GetBoolean();

    /// <summary>A string option.</summary>
    public string String(string name) => Option(name).GetString()!;

    /// <summary>A list-of-integers option.</summary>
    public List<int> Ints(string name) => [.. Option(name).EnumerateArray().Select(e => e.GetInt32())];

    /// <summary>
    /// Loads the reference weights into <paramref name="module"/> with <see cref="NetworkWeights.LoadInto"/>, runs
    /// <paramref name="forward"/> on the input in eval mode without gradients and compares with PyTorch's output.
    /// </summary>
    public ParityResult Check(nn.Module module, Func<Tensor, Tensor> forward, string expected = "output")
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(forward);
        var fileKeys = new List<string>();
        using (var scope = NewDisposeScope())
        {
            // Unpickled into a hash table, so the file's order is lost: keys are compared sorted.
            fileKeys.AddRange(NetworkWeights.ReadStateDict(WeightsPath, WeightFormat.PyTorch, Network).Keys.Order(StringComparer.Ordinal));
        }

        NetworkWeights.LoadInto(module, WeightsPath, $"{Network} parity fixture");
        module.eval();
        using var noGrad = no_grad();
        using var _ = NewDisposeScope();
        var reference = Named(expected);
        var output = forward(Input);
        var difference = output.numel() == reference.numel()
            ? (output.reshape(reference.shape) - reference).abs().max().item<float>()
            : double.PositiveInfinity;
        return new ParityResult(
            Network,
            [.. module.state_dict().Keys.Order(StringComparer.Ordinal)],
            fileKeys,
            module.parameters().Sum(p => p.numel()),
            Input.shape,
            output.shape,
            reference.shape,
            reference.abs().max().item<float>(),
            difference);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _io.Values)
        {
            tensor.Dispose();
        }

        _description.Dispose();
    }

    private JsonElement Option(string name) =>
        _description.RootElement.GetProperty("options").TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"{Folder}/options.json has no option '{name}'.");
}

/// <summary>The outcome of one <see cref="ParityFixture.Check"/>.</summary>
internal sealed record ParityResult(
    string Network,
    IReadOnlyList<string> ModuleKeys,
    IReadOnlyList<string> FileKeys,
    long Parameters,
    long[] InputShape,
    long[] OutputShape,
    long[] ReferenceShape,
    double ReferenceMaxAbs,
    double MaxAbsDifference)
{
    /// <summary>The bar every network must pass: float32 on the CPU.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Same keys (sorted), and outputs within <see cref="Tolerance"/>.</summary>
    public bool Passed => ModuleKeys.SequenceEqual(FileKeys) && MaxAbsDifference < Tolerance;

    /// <summary>A shape as PyTorch prints it, e.g. <c>(1, 3, 256, 256)</c>.</summary>
    public static string Format(long[] shape) => "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
}
