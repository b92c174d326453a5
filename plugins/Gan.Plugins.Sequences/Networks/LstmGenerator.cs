using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>
/// Recurrent generator (Esteban et al. 2017, RGAN; Mogren 2016, C-RNN-GAN): a fresh noise vector at every time
/// step through a stacked LSTM, a linear head per step. The latent is (T, noise_dim) per sequence, or (T + 1,
/// noise_dim) with a per-sequence code in row 0 (<see cref="LstmGeneratorOptions.SequenceLatent"/>).
/// </summary>
internal sealed class LstmGenerator : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields.
    private readonly LSTM lstm;
    private readonly Linear head;
    private readonly Linear? initial;
#pragma warning restore IDE1006

    private readonly bool _tanh;
    private readonly bool _feedback;
    private readonly SequenceLatent _sequenceLatent;
    private readonly int _numLayers;
    private readonly int _hiddenSize;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmGenerator(LstmGeneratorOptions options) : base("lstm_generator")
    {
        _tanh = options.Output == OutputActivation.Tanh;
        _feedback = options.Feedback;
        _sequenceLatent = options.SequenceLatent;
        _numLayers = options.NumLayers;
        _hiddenSize = options.HiddenSize;
        var withCode = _sequenceLatent != SequenceLatent.None;
        LatentShape = [options.SequenceLength + (withCode ? 1 : 0), options.NoiseDim];
        var inputSize = options.NoiseDim
            + (_sequenceLatent == SequenceLatent.Input ? options.NoiseDim : 0)
            + (_feedback ? 1 : 0);
        lstm = LSTM(inputSize, options.HiddenSize, options.NumLayers, batchFirst: true);
        head = Linear(options.HiddenSize, 1);
        if (_sequenceLatent == SequenceLatent.InitialState)
        {
            // h0 and c0 of every layer.
            initial = Linear(options.NoiseDim, 2L * options.NumLayers * options.HiddenSize);
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public long[]? LatentShape { get; }

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps a latent (B, T, noise_dim), or (B, T + 1, noise_dim) with a per-sequence code, to sequences (B, T, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (noise, state) = Prepare(input);
        // noise (B, T, input features)
        var result = _feedback ? Autoregressive(noise, state) : Parallel(noise, state);
        return result.MoveToOuterDisposeScope();
        // (B, T, 1)
    }

    /// <summary>Splits off the per-sequence code and turns it into LSTM inputs or initial states.</summary>
    private (Tensor Noise, (Tensor, Tensor)? State) Prepare(Tensor input)
    {
        if (_sequenceLatent == SequenceLatent.None)
        {
            return (input, null);
        }

        var code = input.select(1, 0);
        // (B, noise_dim)
        var noise = input.narrow(1, 1, input.shape[1] - 1);
        // (B, T, noise_dim)
        if (_sequenceLatent == SequenceLatent.Input)
        {
            var repeated = code.unsqueeze(1).expand(-1, noise.shape[1], -1);
            return (cat([noise, repeated], 2), null);
            // (B, T, 2·noise_dim)
        }

        var states = initial!.call(code).tanh().reshape(code.shape[0], 2, _numLayers, _hiddenSize).permute(1, 2, 0, 3);
        // (2, layers, B, hidden)
        return (noise, (states[0].contiguous(), states[1].contiguous()));
    }

    private Tensor Parallel(Tensor noise, (Tensor, Tensor)? state)
    {
        var (output, _, _) = lstm.call(noise, state);
        // (B, T, hidden)
        var values = head.call(output);
        // (B, T, 1)
        return _tanh ? values.tanh() : values;
    }

    /// <summary>C-RNN-GAN's loop: step t sees its noise and the value generated at step t - 1 (0 at the start).</summary>
    private Tensor Autoregressive(Tensor noise, (Tensor, Tensor)? state)
    {
        var batch = noise.shape[0];
        var previous = zeros(batch, 1, 1, device: noise.device, dtype: noise.dtype);
        var values = new List<Tensor>((int)noise.shape[1]);
        for (var t = 0; t < noise.shape[1]; t++)
        {
            var step = cat([noise.narrow(1, t, 1), previous], 2);
            // (B, 1, features + 1)
            var (output, h, c) = lstm.call(step, state);
            state = (h, c);
            var value = head.call(output);
            // (B, 1, 1)
            previous = _tanh ? value.tanh() : value;
            values.Add(previous);
        }

        return cat(values, 1);
        // (B, T, 1)
    }
}
