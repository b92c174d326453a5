using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Training;
using Gan.Plugins.CycleGan.Images;
using Gan.Tracking;
using Gan.Tracking.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Plugins.CycleGan.Tests;

/// <summary>
/// A tiny CycleGAN trained into MLflow's SQLite store and into an MLflow server (the in-process one): its generators
/// come back as logged models through <c>runs:/</c> and <c>models:/</c> URIs, and <c>gan translate</c> uses them.
/// </summary>
[Collection("training")]
[Trait("Category", "Slow")]
public sealed class LoggedModelTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("rest")]
    public async Task Translate_runs_a_generator_logged_as_an_mlflow_model_through_runs_and_models_uris(string backend)
    {
        using var server = backend == "rest" ? new MlflowTestServer() : null;
        using var run = new TrainingTests.SmallRun(folder => server?.Uri ?? "sqlite:///" + folder.Combine("mlflow.db"));
        Assert.Equal(Gan.Engine.Training.ExitCodes.Success, run.Outcome.ExitCode);
        var input = run.Folder.Combine("in");
        TestImages.WritePng(Path.Combine(input, "a.png"), 20, 12, 215, 40, 35);

        using var reader = TrackingStoreFactory.CreateReader(run.TrackingUri);
        var info = await reader.GetRunAsync(run.Outcome.RunId, CancellationToken.None);
        var models = LoggedModelFiles.ModelsOf(info);
        Assert.Contains("models/train/G_A", models.Keys);
        Assert.Contains("models/train/D_B", models.Keys);
        var modelId = models["models/train/G_A"].ModelId;
        Assert.StartsWith("m-", modelId, StringComparison.Ordinal);

        // The MLmodel says what the folder holds and how to rebuild the network.
        var folder = await reader.FetchModelAsync(models["models/train/G_A"], run.Folder.Combine("fetch"), CancellationToken.None);
        var mlmodel = await File.ReadAllTextAsync(Path.Combine(folder, "MLmodel"));
        Assert.Contains("flavors:\n  torchsharp:\n", mlmodel, StringComparison.Ordinal);
        Assert.Contains("    plugin: 'Gan.Plugins.CycleGan'\n", mlmodel, StringComparison.Ordinal);
        Assert.Contains("    weights: 'G_A.tsmodel'\n", mlmodel, StringComparison.Ordinal);
        Assert.Contains("    torchsharp_version: '0.107.0'\n", mlmodel, StringComparison.Ordinal);
        Assert.Contains("      'ngf': '8'\n", mlmodel, StringComparison.Ordinal);
        Assert.Contains($"run_id: '{run.Outcome.RunId}'\n", mlmodel, StringComparison.Ordinal);
        Assert.DoesNotContain("python_function", mlmodel, StringComparison.Ordinal);
        Assert.Contains("## Final metrics", await File.ReadAllTextAsync(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        Assert.Contains("shapes-train", await File.ReadAllTextAsync(Path.Combine(folder, "README.md")), StringComparison.Ordinal);

        foreach (var uri in new[] { $"runs:/{run.Outcome.RunId}/models/train/G_A", $"models:/{modelId}" })
        {
            var output = run.Folder.Combine("out-" + uri.Length);
            var context = new ToolContext(run.Models(), NullLoggerFactory.Instance, new RecordingProgress(), TextReader.Null, new StringWriter());
            var exit = await ToolInvocation.RunAsync(run.Tool("translate"),
                ["--model", uri, "--direction", "AtoB", "--input", input, "--output", output], context, CancellationToken.None);

            Assert.Equal(0, exit);
            var translated = ImageDecoder.Decode(Path.Combine(output, "a.png"));
            Assert.Equal((20, 12), (translated.Width, translated.Height));
        }

        // A path the run never logged is named with the ones it did.
        var error = Assert.Throws<GanInputException>(() => run.Models().Open($"runs:/{run.Outcome.RunId}/models/train/nothing", TorchSharp.torch.CPU));
        Assert.Contains("models/train/G_A", error.Message, StringComparison.Ordinal);
    }
}
