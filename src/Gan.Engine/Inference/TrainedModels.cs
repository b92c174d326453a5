using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Experiments;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using TorchSharp;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Engine.Inference;

/// <summary>
/// Finds a run's checkpoint and rebuilds its networks from the resolved experiment saved beside it
/// (<c>checkpoints/&lt;run id&gt;/experiment.yaml</c>), using the plugins loaded now.
/// </summary>
public sealed class TrainedModels : ITrainedModels
{
    /// <summary>The file, in a run's checkpoint folder, holding the resolved experiment.</summary>
    public const string ExperimentFile = "experiment.yaml";

    private readonly ExperimentLoader _loader;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IProgressReporter _progress;
    private readonly IServiceProvider _services;
    private readonly string _checkpointRoot;
    private readonly string? _trackingUri;
    private readonly string? _cacheRoot;

    /// <summary>Creates the loader; run ids are looked up under <paramref name="checkpointRoot"/>.</summary>
    /// <param name="loader">Loads the experiment recorded with a run.</param>
    /// <param name="loggerFactory">For the components built.</param>
    /// <param name="progress">For the components built.</param>
    /// <param name="services">The plugins' services.</param>
    /// <param name="checkpointRoot">Where run ids are looked up.</param>
    /// <param name="trackingUri">Where <c>runs:/</c> and <c>models:/</c> URIs are resolved; default <c>MLFLOW_TRACKING_URI</c>, else the default store.</param>
    /// <param name="cacheRoot">Where models on a server are downloaded; default <c>$GAN_CACHE_DIR</c>, else <c>./.cache</c>.</param>
    public TrainedModels(
        ExperimentLoader loader,
        ILoggerFactory loggerFactory,
        IProgressReporter progress,
        IServiceProvider services,
        string checkpointRoot = "checkpoints",
        string? trackingUri = null,
        string? cacheRoot = null)
    {
        _loader = loader;
        _loggerFactory = loggerFactory;
        _progress = progress;
        _services = services;
        _checkpointRoot = checkpointRoot;
        _trackingUri = trackingUri;
        _cacheRoot = cacheRoot;
    }

    /// <inheritdoc />
    /// <inheritdoc />
    public void LoadWeights(nn.Module module, string path) =>
        Interchange.NetworkWeights.LoadInto(module, Path.GetFullPath(path), "weights");

    /// <remarks>Also accepts <c>runs:/&lt;run id&gt;/&lt;path&gt;</c> and <c>models:/&lt;model id&gt;</c> (see <see cref="ModelUris"/>).</remarks>
    public ITrainedRun Open(string source, Device device)
    {
        if (ModelUris.IsModelUri(source))
        {
            // A logged model's folder holds the weights and the resolved experiment: it opens like a checkpoint.
            source = ModelUris.Resolve(source, Path.GetFullPath(_cacheRoot ?? Environment.GetEnvironmentVariable("GAN_CACHE_DIR") ?? ".cache"), _trackingUri);
        }

        var folder = Directory.Exists(source) ? Path.GetFullPath(source) : Path.GetFullPath(Path.Combine(_checkpointRoot, source));
        if (!Directory.Exists(folder))
        {
            throw new GanInputException(
                $"No checkpoint found for '{source}': it is neither a folder nor a run id under {Path.GetFullPath(_checkpointRoot)}.");
        }

        var runFolder = FindRunFolder(folder) ?? throw new GanInputException(
            $"{folder} is not inside a run's checkpoint folder: no {ExperimentFile} found in it or above it.");
        var experiment = _loader.Load(Path.Combine(runFolder, ExperimentFile), []);
        var weights = WeightFiles.In(folder).Count > 0 ? folder : LatestWeights(runFolder, experiment);
        var definition = experiment.Definition;
        // The provider is not disposed: the run's components may use their plugin services for the process's lifetime.
        var context = ComponentContextFactory.Create(definition, device, _loggerFactory, _progress,
            ExperimentServices.Create(_loader.Catalog, _services, _loggerFactory));
        return new TrainedRun(experiment, weights, context);
    }

    private static string? FindRunFolder(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ExperimentFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The last stage's <c>final</c> weights, else its latest <c>epochNNNN</c>, searching stages from the last.</summary>
    private static string LatestWeights(string runFolder, ResolvedExperiment experiment)
    {
        foreach (var stage in experiment.Stages.Reverse())
        {
            var stageFolder = Path.Combine(runFolder, stage.Definition.Name);
            if (!Directory.Exists(stageFolder))
            {
                continue;
            }

            var final = Path.Combine(stageFolder, "final");
            if (Directory.Exists(final))
            {
                return final;
            }

            var latest = Directory.GetDirectories(stageFolder, "epoch*").Order(StringComparer.Ordinal).LastOrDefault();
            if (latest is not null)
            {
                return latest;
            }
        }

        throw new GanInputException($"The run in {runFolder} has no saved weights yet.");
    }

    internal sealed class TrainedRun(ResolvedExperiment experiment, string weights, ComponentContext context) : ITrainedRun
    {
        private readonly List<INetwork> _loaded = [];

        /// <summary>The run's resolved experiment (component types and options of its networks).</summary>
        public ResolvedExperiment Experiment => experiment;

        /// <summary>The <c>model:</c> role an instance was built from: itself, or the generator a moving average (<c>&lt;role&gt;_ema</c>) follows.</summary>
        public string RoleOf(string instance) =>
            !experiment.Model.ContainsKey(instance) && instance.EndsWith("_ema", StringComparison.Ordinal) ? instance[..^"_ema".Length] : instance;

        public string CheckpointFolder => weights;

        public IReadOnlyList<string> Instances =>
            WeightFiles.In(weights).Keys.Order(StringComparer.Ordinal).ToList();

        public ComponentContext Components => context;

        public T Load<T>(string instance, string? role = null) where T : class, INetwork
        {
            role ??= RoleOf(instance);
            if (!experiment.Model.TryGetValue(role, out var component))
            {
                throw new GanInputException($"The run has no model.{role} (it has: {string.Join(", ", experiment.Model.Keys)}).");
            }

            var path = WeightFiles.Find(weights, instance)
                ?? throw new GanInputException($"{Path.Combine(weights, WeightFiles.FileName(instance))} does not exist; this checkpoint holds: {string.Join(", ", Instances)}.");

            var network = component.Create<T>(context);
            Interchange.NetworkWeights.LoadInto(network.Module, path, $"model.{role} ({instance})"); // this project's files, or exported ones
            network.Module.to(context.Device);
            network.Module.eval();
            _loaded.Add(network);
            return network;
        }

        public IDataSource CreateDataSource() => experiment.Data.Create<IDataSource>(context);

        public void Dispose()
        {
            foreach (var network in _loaded)
            {
                network.Module.Dispose();
            }
        }
    }
}
