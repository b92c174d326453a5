using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Components;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Gan.Engine.Experiments;

/// <summary>
/// Reads an experiment file, applies <c>--set</c> overrides, loads the plugins it names and resolves every
/// component. All problems found are reported together in one <see cref="ConfigurationException"/>, each
/// with its file, line and column.
/// </summary>
public sealed class ExperimentLoader
{
    private readonly PluginCatalog _catalog;

    /// <summary>Creates a loader resolving components from <paramref name="catalog"/>.</summary>
    public ExperimentLoader(PluginCatalog catalog) => _catalog = catalog;

    /// <summary>The catalog experiments resolve against; grows as experiments name plugins.</summary>
    public PluginCatalog Catalog => _catalog;

    /// <summary>Loads and resolves <paramref name="path"/> with <paramref name="overrides"/> (<c>key.path=value</c>).</summary>
    /// <param name="path">The experiment file.</param>
    /// <param name="overrides">The <c>--set</c> assignments.</param>
    /// <param name="checkTracking">
    /// Also refuse a tracking URI that starting a run would refuse (<see cref="TrackingStoreFactory.Validate"/>), as
    /// one more error of the same pass: what <c>gan validate</c> does.
    /// </param>
    public ResolvedExperiment Load(string path, IReadOnlyList<string> overrides, bool checkTracking = false)
    {
        var document = ConfigDocument.Load(path);
        ConfigOverrides.Apply(document, overrides);
        return Resolve(document, path, checkTracking);
    }

    /// <summary>Resolves an already parsed document (used by tests and by sweeps).</summary>
    public ResolvedExperiment Resolve(ConfigDocument document, string path) => Resolve(document, path, checkTracking: false);

    private ResolvedExperiment Resolve(ConfigDocument document, string path, bool checkTracking)
    {
        // One pass: a key of the wrong type leaves its default and resolution goes on, so unknown components and
        // their option errors are reported with it rather than after it is fixed.
        var context = new BindingContext(document);
        var definition = ConfigBinder.Bind<ExperimentDefinition>(document.Root, "", context) ?? new ExperimentDefinition();

        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        foreach (var plugin in definition.Plugins)
        {
            _catalog.LoadFrom(Path.IsPathRooted(plugin) ? plugin : Path.Combine(baseFolder, plugin), mustExist: true);
        }

        var resolver = new ComponentResolver(_catalog);
        var root = document.Root;
        // A missing data section is already reported as required.
        var data = definition.Data is null ? null : resolver.Resolve(typeof(IDataSource), definition.Data, "data", context);

        var model = new Dictionary<string, ResolvedComponent>(StringComparer.Ordinal);
        foreach (var (role, written) in definition.Model)
        {
            var contract = ModelRoles.ContractOf(role);
            var (section, initFrom) = InitFromOption.Take(written, role, context, baseFolder);
            if (resolver.Resolve(contract, section, $"model.{role}", context) is { } resolved)
            {
                model[role] = resolved with { InitFrom = initFrom };
            }
        }

        var loss = definition.Loss is null ? null : resolver.Resolve(typeof(ILossStrategy), definition.Loss, "loss", context);
        var metrics = ResolveList(resolver, typeof(IMetric), definition.Metrics, "metrics", context);
        var samples = ResolveList(resolver, typeof(ISampleRenderer), definition.Samples, "samples", context);

        var stages = ResolveStages(resolver, definition, root, context);
        if (DeviceSelector.Validate(definition.Device) is { } deviceError)
        {
            context.AddError(Child(root, "device") ?? root, deviceError);
        }

        if (checkTracking)
        {
            CheckTracking(definition.Tracking, root, context);
        }

        context.ThrowIfErrors();
        return new ResolvedExperiment(path, definition, data!, model, loss, metrics, samples, stages);
    }

    /// <summary>Each stage's trainer and checks; when the stages did not bind (their errors are recorded), their trainers are still checked.</summary>
    private static List<ResolvedStage> ResolveStages(ComponentResolver resolver, ExperimentDefinition definition, YamlMappingNode root, BindingContext context)
    {
        var stages = new List<ResolvedStage>();
        var stageNodes = Child(root, "stages") as YamlSequenceNode;
        if (definition.Stages.Count == 0 && stageNodes is { Children.Count: > 0 })
        {
            for (var i = 0; i < stageNodes.Children.Count; i++)
            {
                var trainer = stageNodes.Children[i] is YamlMappingNode stage ? Child(stage, "trainer") : null;
                resolver.Resolve(typeof(ITrainer), trainer, $"stages.{i}.trainer", context, defaultName: "adversarial");
            }
        }
        else if (definition.Stages.Count == 0)
        {
            context.AddError(root, "the experiment has no stages: add 'stages:' with at least one stage, e.g. '- {name: train, epochs: 1}'");
        }

        for (var i = 0; i < definition.Stages.Count; i++)
        {
            var stage = definition.Stages[i];
            var stageNode = stageNodes?.Children.ElementAtOrDefault(i) ?? root;
            if (stage.Epochs is null && stage.Steps is null)
            {
                context.AddError(stageNode, $"stage '{stage.Name}' (stages.{i}) needs 'epochs' or 'steps'");
            }

            if (definition.Stages.Take(i).Any(s => s.Name == stage.Name))
            {
                context.AddError(stageNode, $"two stages are named '{stage.Name}'; stage names must be unique");
            }

            if (resolver.Resolve(typeof(ITrainer), stage.Trainer, $"stages.{i}.trainer", context, defaultName: "adversarial") is { } trainer)
            {
                stages.Add(new ResolvedStage(stage, trainer, i));
            }
        }

        return stages;
    }

    // Every tracking URI, tracking.uri and each tracking.also entry, checked by the provider its scheme names; the
    // plugins' backends are made as a run makes them, so a scheme a plugin adds is known here too.
    private void CheckTracking(TrackingDefinition tracking, YamlMappingNode root, BindingContext context)
    {
        var services = ExperimentServices.Create(_catalog, NullLoggerFactory.Instance);
        try
        {
            var section = Child(root, "tracking") as YamlMappingNode;
            foreach (var (alsoIndex, message) in TrackingStoreFactory.Problems(tracking, services.GetServices<ITrackingBackend>()))
            {
                var node = section is null ? null
                    : alsoIndex is { } index ? (Child(section, "also") as YamlSequenceNode)?.Children.ElementAtOrDefault(index)
                    : Child(section, "uri");
                context.AddError(node ?? section ?? root, message);
            }
        }
        finally
        {
            services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static List<ResolvedComponent> ResolveList(
        ComponentResolver resolver, Type contract, List<YamlNode> sections, string path, BindingContext context)
    {
        var resolved = new List<ResolvedComponent>();
        for (var i = 0; i < sections.Count; i++)
        {
            if (resolver.Resolve(contract, sections[i], $"{path}.{i}", context) is { } component)
            {
                resolved.Add(component);
            }
        }

        return resolved;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;
}
