using Gan.Abstractions;
using Gan.Configuration;
using Gan.Engine.Experiments;
using Gan.Engine.Training;
using Microsoft.Extensions.Logging;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// Every file a run writes under <c>checkpoints/&lt;run id&gt;/</c>, in one place: the resolved experiment, the
/// networks' weights inside training-state checkpoints, and the named weight snapshots of a stage
/// (<c>final</c>, <c>epochNNNN</c>, <c>last-good</c>). Every file is written atomically.
/// </summary>
internal sealed class CheckpointWriter
{
    private readonly CheckpointDefinition _settings;
    private readonly ResolvedExperiment _experiment;
    private readonly ILogger _logger;

    public CheckpointWriter(ResolvedExperiment experiment, string runId, ILogger logger)
    {
        _experiment = experiment;
        _settings = experiment.Definition.Checkpoints;
        _logger = logger;
        RunFolder = Path.GetFullPath(Path.Combine(_settings.Directory, runId));
    }

    /// <summary><c>checkpoints/&lt;run id&gt;</c>, absolute.</summary>
    public string RunFolder { get; }

    /// <summary>The folder of a named snapshot of a stage.</summary>
    public string SnapshotFolder(string stage, string label) => Path.Combine(RunFolder, stage, label);

    /// <summary>Writes each network as <c>&lt;instance&gt;.pt</c> into <paramref name="folder"/>; returns what was written.</summary>
    /// <param name="folder">The target folder.</param>
    /// <param name="networks">The networks.</param>
    /// <param name="assembling">
    /// True for a fresh temporary folder published as a whole afterwards (files are only flushed); false to replace
    /// files in place, each atomically.
    /// </param>
    public static List<NetworkEntry> WriteNetworks(string folder, NetworkStore networks, bool assembling)
    {
        Action<string, Action<Stream>> write = assembling ? AtomicFile.WriteDurable : AtomicFile.Write;
        var entries = new List<NetworkEntry>(networks.Instances.Count);
        foreach (var (instance, network) in networks.Instances)
        {
            var file = WeightFiles.FileName(instance);
            write(Path.Combine(folder, file), stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                network.Module.save(writer);
            });
            entries.Add(new NetworkEntry(instance, file, Shapes(network.Module), networks.RoleOf(instance)));
        }

        return entries;
    }

    /// <summary>The shape of every state-dict tensor, for the compatibility check on resume.</summary>
    public static Dictionary<string, long[]> Shapes(TorchSharp.torch.nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal);

    /// <summary>
    /// Writes the weights of <paramref name="networks"/> as the snapshot <paramref name="label"/> of
    /// <paramref name="stage"/> and returns its folder; null when checkpoints are off. When
    /// <paramref name="sameWeightsIn"/> names a checkpoint just written from the same weights, its files are copied
    /// instead of serialising the networks a second time.
    /// </summary>
    public string? WriteSnapshot(NetworkStore networks, string stage, string label, IRunTracker tracker, string? sameWeightsIn = null)
    {
        if (!_settings.Enabled || networks.Instances.Count == 0)
        {
            return null;
        }

        var folder = SnapshotFolder(stage, label);
        Directory.CreateDirectory(folder);
        WriteExperimentFile();
        if (sameWeightsIn is not null)
        {
            foreach (var instance in networks.Instances.Keys)
            {
                var target = Path.Combine(folder, WeightFiles.FileName(instance));
                var copied = WeightFiles.Find(sameWeightsIn, instance) ?? throw new FileNotFoundException($"No weights of {instance} in {sameWeightsIn}.");
                AtomicFile.Write(target, stream =>
                {
                    using var source = File.OpenRead(copied);
                    source.CopyTo(stream);
                });
            }
        }
        else
        {
            WriteNetworks(folder, networks, assembling: false);
        }

        if (_settings.LogArtifacts)
        {
            foreach (var instance in networks.Instances.Keys)
            {
                var file = WeightFiles.FileName(instance);
                tracker.LogArtifact($"checkpoints/{stage}/{label}/{file}", File.ReadAllBytes(Path.Combine(folder, file)));
            }
        }

        _logger.LogDebug("Saved {Count} network(s) to {Folder}.", networks.Instances.Count, folder);
        return folder;
    }

    /// <summary>
    /// Writes <c>experiment.yaml</c> (the resolved experiment, from which <c>gan translate</c>, <c>gan answer</c> and
    /// resume rebuild the networks) unless the run already has it.
    /// </summary>
    public void WriteExperimentFile()
    {
        var experimentFile = Path.Combine(RunFolder, Inference.TrainedModels.ExperimentFile);
        if (!File.Exists(experimentFile))
        {
            AtomicFile.WriteText(experimentFile, ConfigWriter.Serialize(_experiment.ToResolvedYaml()));
        }
    }
}
