using Gan.Configuration;
using Gan.Engine.Components;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Experiments;

/// <summary>An experiment whose every component is resolved and whose options are bound and validated.</summary>
public sealed class ResolvedExperiment
{
    /// <summary>Creates the resolved experiment.</summary>
    public ResolvedExperiment(
        string sourcePath,
        ExperimentDefinition definition,
        ResolvedComponent data,
        IReadOnlyDictionary<string, ResolvedComponent> model,
        ResolvedComponent? loss,
        IReadOnlyList<ResolvedComponent> metrics,
        IReadOnlyList<ResolvedComponent> samples,
        IReadOnlyList<ResolvedStage> stages)
    {
        SourcePath = sourcePath;
        Definition = definition;
        Data = data;
        Model = model;
        Loss = loss;
        Metrics = metrics;
        Samples = samples;
        Stages = stages;
    }

    /// <summary>The same experiment without metrics and sample renderers: what the ranks other than 0 of a data-parallel run train.</summary>
    public ResolvedExperiment WithoutEvaluation() => new(SourcePath, Definition, Data, Model, Loss, [], [], Stages);

    /// <summary>The experiment file as given.</summary>
    public string SourcePath { get; }

    /// <summary>The bound top level.</summary>
    public ExperimentDefinition Definition { get; }

    /// <summary>The data source.</summary>
    public ResolvedComponent Data { get; }

    /// <summary>Networks by role.</summary>
    public IReadOnlyDictionary<string, ResolvedComponent> Model { get; }

    /// <summary>The adversarial loss, if any.</summary>
    public ResolvedComponent? Loss { get; }

    /// <summary>Periodic metrics.</summary>
    public IReadOnlyList<ResolvedComponent> Metrics { get; }

    /// <summary>Sample renderers.</summary>
    public IReadOnlyList<ResolvedComponent> Samples { get; }

    /// <summary>Stages in order.</summary>
    public IReadOnlyList<ResolvedStage> Stages { get; }

    /// <summary>
    /// The experiment as it will run: every option written out, defaults included, component sections as
    /// <c>type</c> plus options. Recorded as the run's <c>experiment.yaml</c> artifact and, flattened, as its params.
    /// </summary>
    public YamlMappingNode ToResolvedYaml()
    {
        var root = (YamlMappingNode)ConfigWriter.ToYaml(Definition);
        Replace(root, "data", Section(Data));
        Replace(root, "model", new YamlMappingNode(Model.Select(kv =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(kv.Key), Section(kv.Value)))));
        Replace(root, "loss", Loss is null ? new YamlScalarNode("null") : Section(Loss));
        Replace(root, "metrics", new YamlSequenceNode(Metrics.Select(m => Section(m))));
        Replace(root, "samples", new YamlSequenceNode(Samples.Select(s => Section(s))));
        var stages = (YamlSequenceNode)root.Children[new YamlScalarNode("stages")];
        for (var i = 0; i < Stages.Count; i++)
        {
            Replace((YamlMappingNode)stages.Children[i], "trainer", Section(Stages[i].Trainer));
        }

        return root;
    }

    private static YamlMappingNode Section(ResolvedComponent component)
    {
        var section = new YamlMappingNode { { "type", component.Registration.Name } };
        if (ConfigWriter.ToYaml(component.Options) is YamlMappingNode options)
        {
            foreach (var child in options.Children)
            {
                section.Add(child.Key, child.Value);
            }
        }

        return section;
    }

    private static void Replace(YamlMappingNode mapping, string key, YamlNode value) =>
        mapping.Children[new YamlScalarNode(key)] = value;
}
