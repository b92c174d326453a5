using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;
using Gan.Plugins.CycleGan.Images;
using Gan.Plugins.CycleGan.Networks;
using Gan.Plugins.CycleGan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary>
/// <c>gan translate</c>: converts a folder of images with a trained run's G_A (AtoB) or G_B (BtoA). Each image is
/// resized to the run's crop size (as the reference's test-time transform), translated, and resized back, so the
/// output has the input's size; the output keeps the file name and format (JPEG stays JPEG, others become PNG).
/// </summary>
internal sealed class TranslateTool : GanTool<TranslateOptions>
{
    /// <inheritdoc />
    public override string Name => "translate";

    /// <inheritdoc />
    public override string Description => "Translate a folder of images with a trained CycleGAN generator (A→B or B→A).";

    /// <inheritdoc />
    protected override Task<int> RunAsync(TranslateOptions options, ToolContext context, CancellationToken cancellationToken)
    {
        var direction = options.Direction;
        var instance = direction == "AtoB" ? CycleGanTrainer.GeneratorA : CycleGanTrainer.GeneratorB;
        var input = Path.GetFullPath(options.Input);
        var output = Path.GetFullPath(options.Output);
        if (!Directory.Exists(input))
        {
            throw new GanInputException($"gan translate: the input folder {input} does not exist.");
        }

        var files = Directory.EnumerateFiles(input).Where(ImageDecoder.IsImageFile).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new GanInputException($"gan translate: {input} holds no .jpg, .jpeg, .png or .bmp images.");
        }

        var device = new Device(options.Device);
        using var run = options.FromWeightsFile ? null : context.Models.Open(options.Source, device);
        var generator = run?.Load<IGenerator>(instance, "generator") ?? FromWeightsFile(options, context.Models, device);
        var size = options.Size ?? (run is null ? 256 : CropSizeOf(run));
        if (size % 4 != 0)
        {
            throw new GanInputException($"gan translate: the run's crop_size {size} is not a multiple of 4; give --size.");
        }

        Directory.CreateDirectory(output);
        using (var progress = context.Progress.Start($"Translating {direction}", files.Count, "images"))
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var image = ImageDecoder.Decode(file);
                var translated = Translate(generator, image, size, device);
                ImageEncoder.Save(translated, Path.Combine(output, OutputName(file)));
                progress.Advance(1);
            }
        }

        if (run is null)
        {
            generator.Module.Dispose(); // built here from the weights file; a run's networks go with the run
        }

        context.Output.WriteLine($"Translated {files.Count} image(s) {direction} into {output}");
        return Task.FromResult(0);
    }

    /// <summary>Translates one image at <paramref name="size"/> x <paramref name="size"/> and returns it at its own size.</summary>
    public static DecodedImage Translate(IGenerator generator, DecodedImage image, int size, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = ImageTensors.Resize(ImageTensors.FromImage(image), size, size).unsqueeze(0).to(device);
        // 1 x 3 x size x size
        var translated = generator.Generate(input).cpu();
        var restored = ImageTensors.Resize(translated, image.Height, image.Width);
        // 1 x 3 x height x width, the input's size
        return ImageTensors.ToImage(restored[0]);
    }

    /// <summary>
    /// The ResNet generator of a weights file: built with the reference's defaults (instance norm, no dropout, the given
    /// ngf and blocks) and loaded by the host, which checks every key against the file.
    /// </summary>
    private static IGenerator FromWeightsFile(TranslateOptions options, ITrainedModels models, Device device)
    {
        var generator = new ResnetGenerator(new ResnetGeneratorOptions { Ngf = options.Ngf }, options.Blocks);
        models.LoadWeights(generator, options.Weights!);
        generator.to(device);
        generator.eval();
        return generator;
    }

    private static string OutputName(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension is ".jpg" or ".jpeg" or ".png" ? Path.GetFileName(file) : Path.GetFileNameWithoutExtension(file) + ".png";
    }

    private static int CropSizeOf(ITrainedRun run)
    {
        var data = run.CreateDataSource();
        try
        {
            return data is UnalignedImagesDataSource unaligned ? unaligned.ImageSize : 256;
        }
        finally
        {
            (data as IDisposable)?.Dispose();
        }
    }
}
