using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Gan.Engine.Inference;

/// <summary>
/// <c>gan sample</c>: draws N samples from a trained run's generator (its moving average when the run kept one) with a
/// seed of their own, and has the plugin of the run's data source write them as its domain's files.
/// </summary>
public static class SampleDrawing
{
    /// <summary>Draws and writes the samples; returns the files written.</summary>
    public static IReadOnlyList<string> Draw(ITrainedModels models, string source, int count, int seed, string folder, string? instance = null)
    {
        using var run = (TrainedModels.TrainedRun)models.Open(source, CPU);
        var dataType = run.Experiment.Data.Registration.Name;
        var exporter = run.Components.Services.GetServices<ISampleExporter>().FirstOrDefault(e => e.DataSources.Contains(dataType))
            ?? throw new GanInputException(
                $"No plugin writes samples of '{dataType}' data. CycleGAN runs translate images (gan translate), text runs answer questions (gan answer).");
        instance ??= run.Instances.Contains("generator_ema") ? "generator_ema" : "generator";
        if (!run.Instances.Contains(instance))
        {
            throw new GanInputException($"{run.CheckpointFolder} has no '{instance}' network (it has {string.Join(", ", run.Instances)}).");
        }

        var generator = run.Load<IGenerator>(instance);
        if (generator.LatentShape is null)
        {
            throw new GanInputException($"'{instance}' takes data as input, not noise: it has nothing to sample.");
        }

        Directory.CreateDirectory(folder);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        manual_seed(seed);
        var samples = generator.Generate(generator.SampleLatent(count, CPU)).detach().cpu();
        return exporter.Export(new SampleExportRequest(samples, run, folder, seed));
    }
}
