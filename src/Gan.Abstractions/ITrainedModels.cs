using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>Loads networks trained by earlier runs, rebuilt from the run's recorded experiment and checkpoint.</summary>
public interface ITrainedModels
{
    /// <summary>
    /// Opens a trained run. <paramref name="source"/> is a run id (looked up under <c>./checkpoints</c>), a run's
    /// checkpoint folder, one checkpoint folder inside it (a stage's <c>final</c> or <c>epochNNNN</c>), or (since 1.1)
    /// an MLflow model URI: <c>runs:/&lt;run id&gt;/&lt;path&gt;</c> or <c>models:/&lt;model id&gt;</c>.
    /// Throws <see cref="GanInputException"/> naming what is missing.
    /// </summary>
    ITrainedRun Open(string source, Device device);

    /// <summary>
    /// (Since 1.2.) Loads a weights file into <paramref name="module"/>: a PyTorch state_dict (<c>torch.save</c>, e.g. a
    /// reference implementation's published <c>.pth</c>), a safetensors file, or a network file of this project. Every
    /// parameter and buffer name and shape must match; the <see cref="GanInputException"/> names the first that does not.
    /// </summary>
    void LoadWeights(nn.Module module, string path) =>
        throw new NotSupportedException("This host cannot load weight files (Gan.Abstractions 1.2 hosts can).");
}

/// <summary>A trained run: its networks, ready for inference, and the component context to build helpers with.</summary>
public interface ITrainedRun : IDisposable
{
    /// <summary>The checkpoint folder the weights come from.</summary>
    string CheckpointFolder { get; }

    /// <summary>The network instances saved in the checkpoint (e.g. "generator", or "G_A" and "G_B").</summary>
    IReadOnlyList<string> Instances { get; }

    /// <summary>
    /// Builds network <paramref name="instance"/> from the options of <c>model.&lt;role&gt;</c> recorded with the run
    /// (role defaults to the instance name), loads its weights and switches it to evaluation mode.
    /// </summary>
    T Load<T>(string instance, string? role = null) where T : class, INetwork;

    /// <summary>The run's data source, built from its recorded options (not prepared); for vocabularies, scalers and the like.</summary>
    IDataSource CreateDataSource();

    /// <summary>The component context the networks were built with.</summary>
    ComponentContext Components { get; }
}
