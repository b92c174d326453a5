using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;
using Gan.Plugins.CycleGan.Images;
using Gan.Plugins.CycleGan.Training;
using static TorchSharp.torch;
using Gan.Toolkit;

namespace Gan.Plugins.CycleGan.Samples;

/// <summary>
/// Renders the reference's visuals on fixed test images as one PNG with six rows: real A, fake B = G_A(real A),
/// rec A = G_B(fake B), then real B, fake A, rec B. The same images every time, so grids compare across epochs.
/// </summary>
internal sealed class CycleGanGridRenderer : ISampleRenderer, IDisposable
{
    private readonly CycleGanGridOptions _options;
    private Tensor? _realA;
    private Tensor? _realB;

    public CycleGanGridRenderer(CycleGanGridOptions options) => _options = options;

    /// <inheritdoc />
    public IReadOnlyList<SampleArtifact> Render(ITrainingContext context)
    {
        if (_realA is null || _realB is null)
        {
            (_realA, _realB) = LoadFixed(context.Data, _options.Count);
        }

        var gA = context.Networks.Get<IGenerator>(_options.Generator, CycleGanTrainer.GeneratorA);
        var gB = context.Networks.Get<IGenerator>(_options.Generator, CycleGanTrainer.GeneratorB);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var realA = _realA.to(context.Device);
        var realB = _realB.to(context.Device);
        var fakeB = gA.Generate(realA);
        var recA = gB.Generate(fakeB);
        var fakeA = gB.Generate(realB);
        var recB = gA.Generate(fakeA);
        // 6 rows x count columns: real A, fake B, rec A, real B, fake A, rec B
        var grid = cat([realA, fakeB, recA, realB, fakeA, recB], 0).cpu();
        var columns = (int)realA.shape[0];
        return [new SampleArtifact(_options.Key, "png", ImageGrid.ToPng(grid, columns, _options.Padding, _options.Scale, background: 255))];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _realA?.Dispose();
        _realB?.Dispose();
    }

    private static (Tensor A, Tensor B) LoadFixed(IDataSource data, int count)
    {
        if (data is UnalignedImagesDataSource unaligned)
        {
            return unaligned.FixedImages(count);
        }

        // Another source with "A" and "B" batches: its first test (else training) batch.
        var split = data.Splits.Contains(DataSplit.Test) ? DataSplit.Test : DataSplit.Train;
        using var batch = data.ReadEpoch(new EpochRequest(split, 0, 0), CancellationToken.None).First();
        return (batch[UnalignedImagesDataSource.DomainA].clone().DetachFromDisposeScope(),
                batch[UnalignedImagesDataSource.DomainB].clone().DetachFromDisposeScope());
    }
}
