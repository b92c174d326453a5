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

    private readonly bool _minibatchStd;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmDiscriminator(LstmDiscriminatorOptions options) : base("lstm_discriminator")
    {
        _minibatchStd = options.MinibatchStd;
        lstm = LSTM(_minibatchStd ? 2 : 1, options.HiddenSize, options.NumLayers, batchFirst: true, bidirectional: options.Bidirectional);
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

        using var features = _minibatchStd ? WithBatchSpread(input) : input.alias();
        // (B, T, 1 or 2)
        var (output, h, c) = lstm.call(features, null);
        h.Dispose();
        c.Dispose();
        // (B, T, hidden·directions)
        using var logits = head.call(output);
        output.Dispose();
        // (B, T, 1)
        return logits.squeeze(-1);
        // (B, T)
    }

    /// <summary>
    /// Appends the batch's standard deviation at each step; a batch of one has no spread (0). The small constant
    /// keeps the gradient finite when the batch is identical (√ has an infinite slope at 0), as in ProGAN.
    /// </summary>
    private static Tensor WithBatchSpread(Tensor input)
    {
        using var scope = NewDisposeScope();
        var spread = input.shape[0] > 1
            ? input.var(0, unbiased: false, keepdim: true).add(1e-8).sqrt()
            : zeros_like(input.narrow(0, 0, 1));
        // (1, T, 1)
        return cat([input, spread.expand(input.shape[0], -1, -1)], 2).MoveToOuterDisposeScope();
        // (B, T, 2)
    }
}
