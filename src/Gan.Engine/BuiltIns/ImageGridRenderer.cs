using Gan.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Engine.BuiltIns;

/// <summary>
/// Renders the generator's output for one fixed batch of latent vectors as a PNG grid, so successive
/// grids show the same latents developing. The latents come from a private generator seeded from the
/// experiment's seed: rendering never consumes the training's random stream, so the sample cadence
/// cannot change the training itself.
/// </summary>
internal sealed class ImageGridRenderer : ISampleRenderer, IDisposable
{
    private readonly ImageGridOptions _options;
    private readonly int _seed;
    private Tensor? _latents;

    public ImageGridRenderer(ImageGridOptions options, int seed)
    {
        _options = options;
        _seed = seed;
    }

    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        var generator = context.Networks.Get<IGenerator>(_options.Generator);
        var shape = generator.LatentShape ?? throw new GanInputException(
            $"image-grid needs a generator that samples latent noise; '{_options.Generator}' takes data as input.");
        if (_latents is null)
        {
            using var random = new Generator((ulong)_seed + 0x5A17, context.Device);
            _latents = randn([_options.Rows * _options.Columns, .. shape], generator: random, device: context.Device).DetachFromDisposeScope();
        }

        using var images = generator.Generate(_latents).detach().cpu();
        return [new SampleArtifact(_options.Key, "png", ImageGrid.ToPng(images, _options.Columns, _options.Padding, _options.Scale))];
    }

    public void Dispose() => _latents?.Dispose();
}
