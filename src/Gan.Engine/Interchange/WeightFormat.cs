namespace Gan.Engine.Interchange;

/// <summary>File formats of a network's weights.</summary>
public enum WeightFormat
{
    /// <summary>Hugging Face's safetensors: a JSON header of names, dtypes and shapes, then raw little-endian data.</summary>
    Safetensors,

    /// <summary>PyTorch's <c>torch.save(module.state_dict())</c> (zip of a pickle and tensor storages): <c>torch.load</c> reads it.</summary>
    PyTorch,

    /// <summary>TorchSharp's own <c>Module.save</c> format, which PyTorch cannot read: this project's checkpoints.</summary>
    TorchSharp,
}
