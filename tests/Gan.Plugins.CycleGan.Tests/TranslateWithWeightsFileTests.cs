using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine;
using Gan.Plugins.CycleGan.Images;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary><c>gan translate --weights</c> with a generator file written by PyTorch (the parity fixture's reference ResnetGenerator).</summary>
public sealed class TranslateWithWeightsFileTests
{
    private static readonly string PyTorchGenerator = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "parity", "cyclegan_resnet_generator", "weights.pth");

    [Fact]
    public async Task A_pytorch_trained_generator_file_translates_a_folder_directly()
    {
        using var input = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        TestImages.WritePng(input.Combine("wide.png"), 24, 16, 215, 40, 35);
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var console = new StringWriter();
        var context = new ToolContext(engine.Models(), NullLoggerFactory.Instance, new RecordingProgress(), TextReader.Null, console);

        var exit = await ToolInvocation.RunAsync(engine.Tool("translate"),
            ["--weights", PyTorchGenerator, "--blocks", "6", "--ngf", "1", "--size", "16", "--input", input.Path, "--output", output.Path], context, CancellationToken.None);

        Assert.Equal(0, exit);
        var translated = ImageDecoder.Decode(output.Combine("wide.png"));
        Assert.Equal((24, 16), (translated.Width, translated.Height));
        Assert.Contains("Translated 1 image(s)", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generator_file_of_other_widths_is_refused_naming_the_first_key_that_does_not_fit()
    {
        using var input = new TemporaryDirectory();
        TestImages.WritePng(input.Combine("a.png"), 8, 8, 1, 2, 3);
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);
        var context = new ToolContext(engine.Models(), NullLoggerFactory.Instance, new RecordingProgress(), TextReader.Null, TextWriter.Null);

        var error = await Assert.ThrowsAsync<GanInputException>(() => ToolInvocation.RunAsync(engine.Tool("translate"),
            ["--weights", PyTorchGenerator, "--blocks", "6", "--ngf", "2", "--input", input.Path, "--output", input.Combine("out")], context, CancellationToken.None));

        Assert.Contains("key 'model.1.weight' has shape [1, 3, 7, 7] in the file but [2, 3, 7, 7] in the network", error.Message, StringComparison.Ordinal);
    }
}
