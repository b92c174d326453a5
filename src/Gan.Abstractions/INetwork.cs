using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// A trainable network. The engine moves <see cref="Module"/> to the training device, switches it between
/// training and evaluation mode, builds optimisers over its parameters, saves and loads its state, and
/// disposes it at the end of the experiment.
/// </summary>
public interface INetwork
{
    /// <summary>The TorchSharp module that holds the parameters (usually the implementing object itself).</summary>
    nn.Module Module { get; }
}
