using System.Text.Json;
using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Inference;
using static TorchSharp.torch;

namespace Gan.Engine.Interchange;

/// <summary>
/// <c>gan export</c>: every network of a run, checkpoint or logged model written as safetensors or a PyTorch state_dict,
/// each with a JSON file naming its component, role and options, so the reference module can be rebuilt elsewhere.
/// </summary>
public static class ModelExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Exports the networks of <paramref name="source"/> into <paramref name="outFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Export(ITrainedModels models, string source, WeightFormat format, string outFolder)
    {
        if (format == WeightFormat.TorchSharp)
        {
            throw new GanInputException("--format: expected safetensors or pytorch (checkpoints already hold TorchSharp's format).");
        }

        using var opened = models.Open(source, CPU);
        var run = (TrainedModels.TrainedRun)opened;
        Directory.CreateDirectory(outFolder);
        var options = ConfigWriter.Flatten(run.Experiment.ToResolvedYaml());
        var written = new List<string>();
        foreach (var instance in run.Instances)
        {
            var role = run.RoleOf(instance);
            var component = run.Experiment.Model.GetValueOrDefault(role);
            if (component is null)
            {
                continue; // weights of a network the experiment no longer declares
            }

            var network = run.Load<INetwork>(instance, role);
            var weights = Path.Combine(outFolder, instance + NetworkWeights.Extension(format));
            NetworkWeights.Save(network.Module, weights, format);
            var description = new Dictionary<string, object>
            {
                ["instance"] = instance,
                ["role"] = role,
                ["component"] = component.Registration.Name,
                ["plugin"] = component.Plugin.Name,
                ["format"] = format == WeightFormat.Safetensors ? "safetensors" : "pytorch",
                ["weights"] = Path.GetFileName(weights),
                ["source"] = run.CheckpointFolder,
                ["options"] = options.Where(kv => kv.Key.StartsWith($"model.{role}.", StringComparison.Ordinal) && kv.Key != $"model.{role}.type")
                    .GroupBy(kv => kv.Key[$"model.{role}.".Length..]).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
                ["parameters"] = network.Module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal),
            };
            var json = Path.Combine(outFolder, instance + ".json");
            File.WriteAllText(json, JsonSerializer.Serialize(description, Indented));
            written.Add(weights);
            written.Add(json);
        }

        // With the resolved experiment beside them, the folder opens like a checkpoint (gan sample, gan translate, init_from).
        var experiment = Path.Combine(outFolder, TrainedModels.ExperimentFile);
        File.WriteAllText(experiment, ConfigWriter.Serialize(run.Experiment.ToResolvedYaml()));
        written.Add(experiment);
        return written;
    }

    /// <summary>Parses <c>--format</c>.</summary>
    public static WeightFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "safetensors" => WeightFormat.Safetensors,
        "pytorch" or "pth" or "pt" => WeightFormat.PyTorch,
        _ => throw new GanInputException($"--format {text}: expected safetensors or pytorch."),
    };
}
