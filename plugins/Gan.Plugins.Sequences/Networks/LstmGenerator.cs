using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>
/// Recurrent generator (Esteban et al. 2017, RGAN; Mogren 2016, C-RNN-GAN): a fresh noise vector at every time
/// step through a stacked LSTM, a linear head per step. The latent is (T, noise_dim) per sequence.
/// </summary>
internal sealed class LstmGenerator : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields.
    private readonly LSTM lstm;
    private readonly Linear head;
#pragma warning restore IDE1006

    private readonly bool _tanh;
    private readonly bool _feedback;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmGenerator(LstmGeneratorOptions options) : base("lstm_generator")
    {
        LatentShape = [options.SequenceLength, options.NoiseDim];
        _tanh = options.Output == OutputActivation.Tanh;
        _feedback = options.Feedback;
        lstm = LSTM(options.NoiseDim + (_feedback ? 1 : 0), options.HiddenSize, options.NumLayers, batchFirst: true);
        head = Linear(options.HiddenSize, 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public long[]? LatentShape { get; }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps per-step noise (B, T, noise_dim) to sequences (B, T, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        if (_feedback)
        {
            return Autoregressive(input);
        }

        var (output, h, c) = lstm.call(input, null);
        h.Dispose();
        c.Dispose();
        // (B, T, hidden)
        using var values = head.call(output);
        output.Dispose();
        // (B, T, 1)
        return _tanh ? values.tanh() : values.alias();
        // (B, T, 1)
    }

    /// <summary>C-RNN-GAN's loop: step t sees its noise and the value generated at step t - 1 (0 at the start).</summary>
    private Tensor Autoregressive(Tensor noise)
    {
        using var scope = NewDisposeScope();
        var batch = noise.shape[0];
        var previous = zeros(batch, 1, 1, device: noise.device, dtype: noise.dtype);
        (Tensor, Tensor)? state = null;
        var values = new List<Tensor>((int)noise.shape[1]);
        for (var t = 0; t < noise.shape[1]; t++)
        {
            var step = cat([noise.narrow(1, t, 1), previous], 2);
            // (B, 1, noise_dim + 1)
            var (output, h, c) = lstm.call(step, state);
            state = (h, c);
            var value = head.call(output);
            // (B, 1, 1)
            previous = _tanh ? value.tanh() : value;
            values.Add(previous);
        }

        return cat(values, 1).MoveToOuterDisposeScope();
        // (B, T, 1)
    }
}
