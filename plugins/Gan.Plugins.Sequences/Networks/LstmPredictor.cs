using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>
/// The classic LSTM sine predictor: a window of past values through a stacked LSTM, the last step's hidden
/// state through a linear head, giving the next value. Registered as a generator that takes data (no latent
/// prior), under the model role <c>predictor</c>.
/// </summary>
internal sealed class LstmPredictor : Module<Tensor, Tensor>, IGenerator
{
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields.
    private readonly LSTM lstm;
    private readonly Linear head;
#pragma warning restore IDE1006

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmPredictor(LstmPredictorOptions options) : base("lstm_predictor")
    {
        Window = options.Window;
        lstm = LSTM(1, options.HiddenSize, options.NumLayers, batchFirst: true, dropout: options.Dropout);
        head = Linear(options.HiddenSize, 1);
        RegisterComponents();
    }

    /// <summary>Past values per prediction.</summary>
    public int Window { get; }

    /// <inheritdoc />
    public long[]? LatentShape => null;

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor Generate(Tensor input) => forward(input);

    /// <summary>Maps windows (B, W, 1) to the next value of each, (B, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        var (output, h, c) = lstm.call(input, null);
        h.Dispose();
        c.Dispose();
        // (B, W, hidden)
        using var last = output.select(1, -1);
        output.Dispose();
        // (B, hidden)
        return head.call(last);
        // (B, 1)
    }

    /// <summary>
    /// Free-running forecast: starting from <paramref name="context"/> (B, W, 1), predicts <paramref name="steps"/>
    /// values, each fed back as input for the next. Returns (B, steps).
    /// </summary>
    public Tensor Forecast(Tensor context, int steps)
    {
        using var scope = NewDisposeScope();
        var window = context;
        var predictions = new List<Tensor>(steps);
        for (var s = 0; s < steps; s++)
        {
            var next = forward(window);
            // (B, 1)
            predictions.Add(next);
            window = cat([window.narrow(1, 1, window.shape[1] - 1), next.unsqueeze(-1)], 1);
            // (B, W, 1)
        }

        return cat(predictions, 1).MoveToOuterDisposeScope();
        // (B, steps)
    }
}
