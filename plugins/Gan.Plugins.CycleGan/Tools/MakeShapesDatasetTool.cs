using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary><c>gan make-shapes-dataset DIR</c>: writes the synthetic red-shapes ↔ blue-shapes dataset of the small experiment.</summary>
internal sealed class MakeShapesDatasetTool : IGanTool
{
    private static readonly string[] Options = ["size", "train", "test", "seed"];

    /// <inheritdoc />
    public string Name => "make-shapes-dataset";

    /// <inheritdoc />
    public string Description => "Write a synthetic two-domain dataset (red shapes ↔ blue shapes) for CycleGAN.";

    /// <inheritdoc />
    public string Usage => "gan make-shapes-dataset DIR [--size 32] [--train 200] [--test 8] [--seed 0]\n"
        + "  Writes DIR/trainA, trainB, testA, testB as PNG files.";

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var args = new ToolArguments(Name, arguments, Options);
        if (args.Positional.Count != 1)
        {
            throw new GanInputException($"gan {Name}: give exactly one output folder. Usage: {Usage}");
        }

        var root = Path.GetFullPath(args.Positional[0]);
        var size = args.Integer("size", 32, 8, 4096);
        var train = args.Integer("train", 200, 1, 1_000_000);
        var test = args.Integer("test", 8, 1, 1_000_000);
        ShapesDataset.Write(root, size, train, test, args.Integer("seed", 0, int.MinValue, int.MaxValue));
        context.Output.WriteLine($"Wrote {train} + {test} images per domain ({size}x{size}) into {root}");
        return Task.FromResult(0);
    }
}
