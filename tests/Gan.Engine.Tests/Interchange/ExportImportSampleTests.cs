using Gan.Engine.Interchange;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Interchange;

/// <summary>The real <c>gan</c>: a trained run exported, sampled from, and used to initialise another run.</summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ExportImportSampleTests
{
    [Fact]
    public void Exported_files_sample_like_the_run_load_in_init_from_and_mismatches_name_the_key()
    {
        using var temp = new TemporaryDirectory();
        var path = TinyExperiments.Mnist(temp, steps: 10, everySteps: 1000);
        Assert.Equal(0, GanProcess.Run(temp.Path, "run", path).ExitCode);
        var run = Directory.GetDirectories(temp.Combine("checkpoints")).Single();

        var (exportExit, exportOutput) = GanProcess.Run(temp.Path, "export", run, "--format", "pytorch", "--out", temp.Combine("exported"));
        var (fromRunExit, fromRunOutput) = GanProcess.Run(temp.Path, "sample", run, "--count", "4", "--seed", "7", "--out", temp.Combine("a"));
        var (fromFilesExit, fromFilesOutput) = GanProcess.Run(temp.Path, "sample", temp.Combine("exported"), "--count", "4", "--seed", "7", "--out", temp.Combine("b"));

        Assert.True(exportExit == 0, exportOutput);
        Assert.True(fromRunExit == 0, fromRunOutput);
        Assert.True(fromFilesExit == 0, fromFilesOutput);
        Assert.Equal(WeightFormat.PyTorch, NetworkWeights.Detect(temp.Combine("exported", "generator.pth")));
        Assert.Contains("\"component\": \"mnist-mlp\"", File.ReadAllText(temp.Combine("exported", "generator.json")), StringComparison.Ordinal);
        Assert.Equal(["grid.png", "sample-0000.png", "sample-0001.png", "sample-0002.png", "sample-0003.png"],
            Directory.GetFiles(temp.Combine("a")).Select(Path.GetFileName).Order());
        Assert.Equal((28, 28), PngSize(temp.Combine("a", "sample-0000.png")));
        foreach (var file in Directory.GetFiles(temp.Combine("a")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(temp.Combine("b", Path.GetFileName(file))));
        }

        // A run initialised from the exported generator, with a learning rate of 0, ends with exactly those weights.
        var (initExit, initOutput) = GanProcess.Run(temp.Path, "run", path, "--set", $"model.generator.init_from={temp.Combine("exported", "generator.pth")}",
            "--set", "optimizers.default.lr=0", "--set", "stages.0.steps=1", "--set", $"checkpoints.directory={temp.Combine("initialised")}");
        Assert.True(initExit == 0, initOutput);
        var initialised = Directory.GetDirectories(temp.Combine("initialised")).Single();
        Assert.True(GanProcess.Run(temp.Path, "export", initialised, "--format", "safetensors", "--out", temp.Combine("again")).ExitCode == 0);
        var before = NetworkWeights.ReadStateDict(temp.Combine("exported", "generator.pth"), WeightFormat.PyTorch, "test");
        var after = NetworkWeights.ReadStateDict(temp.Combine("again", "generator.safetensors"), WeightFormat.Safetensors, "test");
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.True(kv.Value.allclose(after[kv.Key], rtol: 0, atol: 0), kv.Key));

        var (wrongExit, wrongOutput) = GanProcess.Run(temp.Path, "run", path, "--set", $"model.generator.init_from={temp.Combine("exported", "generator.pth")}",
            "--set", "model.generator.latent_dim=8", "--set", "stages.0.steps=1");
        Assert.Equal(2, wrongExit);
        Assert.Contains("model.generator.init_from", wrongOutput, StringComparison.Ordinal);
        Assert.Contains("key 'model.0.weight' has shape [32, 16] in the file but [32, 8] in the network", wrongOutput, StringComparison.Ordinal);
    }

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.AsSpan(1, 3).SequenceEqual("PNG"u8), $"{file} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
