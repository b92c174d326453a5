using System.Globalization;
using System.Text;
using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Configuration;
using Gan.Engine.Experiments;
using Gan.Tracking;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>
/// Records each trained network as an MLflow model at the end of a stage (and the stage's best checkpoint when
/// <c>checkpoints.best_metric</c> is set): a folder with an <c>MLmodel</c> file of flavor <c>torchsharp</c> (component,
/// its resolved options, plugin and version, TorchSharp version, weights file; <c>python_function</c> is not claimed:
/// nothing but this project loads it), the weights, the resolved experiment and a short model card. The folder is
/// also a checkpoint folder <see cref="Inference.TrainedModels"/> opens, so <c>runs:/</c> and <c>models:/</c> URIs work
/// wherever a checkpoint does.
/// </summary>
internal static class ModelLogger
{
    /// <summary>MLflow's <c>model_type</c> and the flavor's name.</summary>
    public const string Flavor = "torchsharp";

    public const string ReadmeFile = "README.md";

    /// <summary>The models of the networks whose weights are in <paramref name="weightsFolder"/>.</summary>
    public static IEnumerable<LoggedModelRequest> ModelsIn(ModelSource source, string weightsFolder, string label)
    {
        foreach (var (instance, weights) in WeightFiles.In(weightsFolder).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!source.Networks.Instances.ContainsKey(instance))
            {
                continue; // optimiser state and the like, not a network
            }

            yield return Model(source, instance, File.ReadAllBytes(weights), label);
        }
    }

    /// <summary>One network's model.</summary>
    internal static LoggedModelRequest Model(ModelSource source, string instance, byte[] weights, string label)
    {
        var role = source.Networks.RoleOf(instance);
        var component = source.Networks.ComponentOf(role)
            ?? throw new InvalidOperationException($"Network {instance} has no model.{role} in the experiment.");
        var options = ConfigWriter.Flatten(source.Experiment.ToResolvedYaml())
            .Where(kv => kv.Key.StartsWith($"model.{role}.", StringComparison.Ordinal) && kv.Key != $"model.{role}.type")
            .GroupBy(kv => kv.Key[($"model.{role}.".Length)..]).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var suffix = label == "final" ? "" : "-" + label;
        var artifactPath = $"models/{source.StageName}{suffix}/{instance}";
        var weightsFile = WeightFiles.FileName(instance);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [LoggedModelFiles.MlmodelFile] = Encoding.UTF8.GetBytes(Mlmodel(source, artifactPath, component, role, instance, weightsFile, options)),
            [weightsFile] = weights,
            [Inference.TrainedModels.ExperimentFile] = Encoding.UTF8.GetBytes(ConfigWriter.Serialize(source.Experiment.ToResolvedYaml())),
            [ReadmeFile] = Encoding.UTF8.GetBytes(Card(source, instance, role, component, label)),
        };
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gan.component"] = component.Registration.Name,
            ["gan.role"] = role,
            ["gan.instance"] = instance,
            ["gan.plugin"] = $"{component.Plugin.Name} {component.Plugin.Version}",
            ["gan.stage"] = source.StageName,
            ["gan.checkpoint"] = label,
        };
        return new LoggedModelRequest($"{source.StageName}{suffix}-{instance}", artifactPath, Flavor, files, options, tags, source.FinalMetrics, source.Step);
    }

    private static string Mlmodel(
        ModelSource source, string artifactPath, Components.ResolvedComponent component, string role, string instance, string weightsFile, IReadOnlyDictionary<string, string> options)
    {
        var yaml = new StringBuilder()
            .Append("artifact_path: ").Append(Quote(artifactPath)).Append('\n')
            .Append("flavors:\n")
            .Append("  ").Append(Flavor).Append(":\n")
            .Append("    component: ").Append(Quote(component.Registration.Name)).Append('\n')
            .Append("    role: ").Append(Quote(role)).Append('\n')
            .Append("    instance: ").Append(Quote(instance)).Append('\n')
            .Append("    plugin: ").Append(Quote(component.Plugin.Name)).Append('\n')
            .Append("    plugin_version: ").Append(Quote(component.Plugin.Version)).Append('\n')
            .Append("    contracts_version: ").Append(Quote(ContractsVersion.Current.ToString(3))).Append('\n')
            .Append("    torchsharp_version: ").Append(Quote(typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "")).Append('\n')
            .Append("    weights: ").Append(Quote(weightsFile)).Append('\n')
            .Append("    weights_format: torchsharp\n")
            .Append("    files: [").Append(string.Join(", ", new[] { weightsFile, Inference.TrainedModels.ExperimentFile, ReadmeFile }.Select(Quote))).Append("]\n")
            .Append("    options:").Append(options.Count == 0 ? " {}\n" : "\n");
        foreach (var (key, value) in options.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            yaml.Append("      ").Append(Quote(key)).Append(": ").Append(Quote(value)).Append('\n');
        }

        return yaml
            .Append("model_uuid: ").Append(Guid.NewGuid().ToString("N")).Append('\n')
            .Append("run_id: ").Append(Quote(source.RunId)).Append('\n')
            .Append("utc_time_created: ").Append(Quote(source.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))).Append('\n')
            .ToString();
    }

    private static string Card(ModelSource source, string instance, string role, Components.ResolvedComponent component, string label)
    {
        var card = new StringBuilder()
            .Append("# ").Append(instance).Append(" — ").Append(source.Experiment.Definition.Name).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"The `{role}` network (`{component.Registration.Name}` from {component.Plugin.Name} {component.Plugin.Version}) ")
            .Append(CultureInfo.InvariantCulture, $"of run `{source.RunId}`, stage `{source.StageName}`, {(label == "final" ? "at the end of the stage" : $"checkpoint `{label}`")}, step {source.Step}.\n\n");
        if (!string.IsNullOrWhiteSpace(source.Experiment.Definition.Description))
        {
            card.Append(source.Experiment.Definition.Description.Trim()).Append("\n\n");
        }

        card.Append("## Trained on\n\n");
        foreach (var dataset in source.Datasets)
        {
            card.Append(CultureInfo.InvariantCulture, $"- `{dataset.Name}` ({dataset.Context}), digest `{dataset.Digest}`, from `{dataset.Source}`: ")
                .Append(string.Join(", ", dataset.Profile.Select(p => $"{p.Key} {p.Value}"))).Append('\n');
        }

        if (source.Datasets.Count == 0)
        {
            card.Append("- (the data source did not describe its data)\n");
        }

        card.Append("\n## Final metrics\n\n| metric | value |\n|---|---|\n");
        foreach (var (key, value) in source.FinalMetrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            card.Append(CultureInfo.InvariantCulture, $"| {key} | {value:G6} |\n");
        }

        return card.Append("\nLoad it with `gan translate`/`gan answer` (`--run runs:/<run id>/<path>` or `models:/<model id>`), or any tool that opens a checkpoint folder.\n")
            .ToString();
    }

    // YAML single-quoted scalars: every value reads back as the same string.
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>What <see cref="ModelLogger"/> needs to know about the run and stage a network comes from.</summary>
internal sealed record ModelSource(
    ResolvedExperiment Experiment,
    NetworkStore Networks,
    string StageName,
    string RunId,
    long Step,
    IReadOnlyDictionary<string, double> FinalMetrics,
    IReadOnlyList<DatasetInfo> Datasets,
    DateTimeOffset Created);
