using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary><c>gan make-shapes-dataset DIRECTORY</c>: writes the synthetic red-shapes ↔ blue-shapes dataset of the small experiment.</summary>
internal sealed class MakeShapesDatasetTool : GanTool<MakeShapesDatasetOptions>
{
    /// <inheritdoc />
    public override string Name => "make-shapes-dataset";

    /// <inheritdoc />
    public override string Description => "Write a synthetic two-domain dataset (red shapes ↔ blue shapes) for CycleGAN, as PNG files in DIRECTORY/trainA, trainB, testA and testB.";

    /// <inheritdoc />
    public override string? PositionalOption => nameof(MakeShapesDatasetOptions.Directory);

    /// <inheritdoc />
    protected override Task<int> RunAsync(MakeShapesDatasetOptions options, ToolContext context, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Directory);
        ShapesDataset.Write(root, options.Size, options.Train, options.Test, options.Seed);
        context.Output.WriteLine($"Wrote {options.Train} + {options.Test} images per domain ({options.Size}x{options.Size}) into {root}");
        return Task.FromResult(0);
    }
}
