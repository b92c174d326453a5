using Gan.Abstractions;
using Gan.Plugins.Midi.Metrics;
using Gan.Plugins.Midi.PianoRoll;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.Midi.Samples;

/// <summary>
/// Generates binarised segments from a fixed set of latent vectors, drawn once from a private generator seeded
/// from the experiment's seed: rendering and evaluating never consume the training's random stream.
/// </summary>
internal sealed class GeneratedSegments : IDisposable
{
    private const int ChunkSize = 16;

    private readonly string _generatorRole;
    private readonly int _count;
    private readonly ulong _seedOffset;
    private Tensor? _latents;

    public GeneratedSegments(string generatorRole, int count, ulong seedOffset)
    {
        _generatorRole = generatorRole;
        _count = count;
        _seedOffset = seedOffset;
    }

    /// <summary>The data source's layout and value range, which generated segments must share.</summary>
    public static PianoRollDataSource Source(ITrainingContext context, string component) =>
        context.Data as PianoRollDataSource ?? throw new GanInputException(
            $"{component} needs the midi-pianoroll data source (for the tracks and the grid), not {context.Data.GetType().Name}.");

    /// <summary>The cut-off between off and on for <paramref name="range"/>, unless <paramref name="threshold"/> overrides it.</summary>
    public static double Threshold(PianoRollValueRange range, double? threshold) =>
        threshold ?? (range == PianoRollValueRange.Symmetric ? 0.0 : 0.5);

    /// <summary>Runs the generator on the fixed latents, in chunks, and binarises the output.</summary>
    public BinaryRolls Generate(ITrainingContext context, PianoRollLayout layout, double threshold)
    {
        var generator = context.Networks.Get<IGenerator>(_generatorRole);
        var shape = generator.LatentShape ?? throw new GanInputException(
            $"'{_generatorRole}' takes data as input; MIDI samples and metrics need a generator that samples latent noise.");
        if (_latents is null)
        {
            using var random = new Generator((ulong)context.Seed + _seedOffset, context.Device);
            _latents = randn([_count, .. shape], generator: random, device: context.Device).DetachFromDisposeScope();
        }

        var cells = new List<bool>(_count * layout.CellsPerSegment);
        for (var start = 0; start < _count; start += ChunkSize)
        {
            using var scope = NewDisposeScope();
            var chunk = _latents.narrow(0, start, Math.Min(ChunkSize, _count - start));
            var rolls = BinaryRolls.FromTensor(generator.Generate(chunk), layout, threshold);
            cells.AddRange(rolls.Cells);
        }

        return new BinaryRolls(layout, _count, [.. cells]);
    }

    public void Dispose() => _latents?.Dispose();
}
