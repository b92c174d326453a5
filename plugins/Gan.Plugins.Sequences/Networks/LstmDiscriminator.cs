using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>
/// Recurrent discriminator over whole sequences: a stacked (by default bidirectional) LSTM and a linear head
/// that scores every time step, as RGAN and C-RNN-GAN do. The scores are (B, T) logits, one per step, which the
/// loss strategies treat like a patch discriminator's per-patch scores.
/// </summary>
internal sealed class LstmDiscriminator : Module<Tensor, Tensor>, IDiscriminator
{
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields.
    private readonly LSTM lstm;
    private readonly Linear head;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmDiscriminator(LstmDiscriminatorOptions options) : base("lstm_discriminator")
    {
        lstm = LSTM(1, options.HiddenSize, options.NumLayers, batchFirst: true, bidirectional: options.Bidirectional);
        head = Linear(options.HiddenSize * (options.Bidirectional ? 2 : 1), 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Score(Tensor samples) => forward(samples);

    /// <summary>Maps sequences (B, T, 1) to per-step logits (B, T).</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 3 || input.shape[2] != 1)
        {
            throw new ArgumentException($"The LSTM discriminator expects sequences (B, T, 1) but got shape [{string.Join(", ", input.shape)}].", nameof(input));
        }

        var (output, h, c) = lstm.call(input, null);
        h.Dispose();
        c.Dispose();
        // (B, T, hidden·directions)
        using var logits = head.call(output);
        output.Dispose();
        // (B, T, 1)
        return logits.squeeze(-1);
        // (B, T)
    }
}
