using System.Globalization;
using System.Text.RegularExpressions;
using Gan.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Sequences.Networks;

/// <summary>
/// The LSTM sine predictor of PyTorch's examples (time_sequence_prediction's <c>Sequence</c>): stacked LSTM cells
/// <c>lstm1</c>, <c>lstm2</c>, … stepped through a window of past values from zero states, and a linear head on the
/// top cell's last hidden state, giving the next value. The example has two cells of 51 units in float64; here
/// <c>num_layers</c> cells of <c>hidden_size</c> units in float32, and the parameter names are the example's, so its
/// state_dict loads as is. Registered as a generator that takes data (no latent prior), under the model role
/// <c>predictor</c>.
/// </summary>
/// <remarks>
/// Cells stepped one by one, not a fused <c>nn.LSTM</c>, because the reference's state_dict has one
/// <c>weight_ih</c>/<c>weight_hh</c>/<c>bias_ih</c>/<c>bias_hh</c> set per cell under the cell's name (the arithmetic
/// is the same); at a window of 10 that is 10 × layers cell calls. Until the names matched the reference this network
/// was an <c>nn.LSTM</c> named <c>lstm</c> (<c>lstm.weight_ih_l0</c>, …) and a head named <c>head</c>:
/// <see cref="CurrentName"/> maps those names so earlier checkpoints still load.
/// </remarks>
internal sealed partial class LstmPredictor : Module<Tensor, Tensor>, IGenerator, ILegacyParameterNames
{
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields; `linear` is the reference's name.
    private readonly Linear linear;
#pragma warning restore IDE1006

    private readonly LSTMCell[] _cells;
    private readonly long _hiddenSize;
    private readonly double _dropout;

    /// <summary>Builds the network on the CPU; the engine moves it to the training device.</summary>
    public LstmPredictor(LstmPredictorOptions options) : base("lstm_predictor")
    {
        ArgumentNullException.ThrowIfNull(options);
        Window = options.Window;
        _hiddenSize = options.HiddenSize;
        _dropout = options.Dropout;
        _cells = [.. Enumerable.Range(0, options.NumLayers).Select(i => LSTMCell(i == 0 ? 1 : options.HiddenSize, options.HiddenSize))];
        for (var i = 0; i < _cells.Length; i++)
        {
            // Registered in order before the head, so parameters (and optimiser state) keep the former order.
            register_module($"lstm{i + 1}", _cells[i]);
        }

        linear = Linear(options.HiddenSize, 1);
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
        using var scope = NewDisposeScope();
        var batch = input.shape[0];
        // Zero states, as the example's torch.zeros (TorchSharp 0.107's cell mishandles a null state: batch size 0).
        var states = new (Tensor H, Tensor C)[_cells.Length];
        for (var layer = 0; layer < _cells.Length; layer++)
        {
            var zero = zeros(batch, _hiddenSize, dtype: input.dtype, device: input.device);
            states[layer] = (zero, zero);
        }


        Tensor? top = null;
        for (var t = 0L; t < input.shape[1]; t++)
        {
            var x = input.select(1, t);
            // (B, 1)
            for (var layer = 0; layer < _cells.Length; layer++)
            {
                if (layer > 0 && _dropout > 0)
                {
                    x = functional.dropout(x, _dropout, training);
                }

                var (h, c) = _cells[layer].call(x, states[layer]);
                states[layer] = (h, c);
                x = h;
                // (B, hidden)
            }

            top = x;
        }

        return top is null
            ? zeros(batch, 1, dtype: input.dtype, device: input.device).MoveToOuterDisposeScope()
            : linear.call(top).MoveToOuterDisposeScope();
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

    /// <summary>Maps the former names (<c>lstm.weight_ih_l0</c> → <c>lstm1.weight_ih</c>, <c>head.*</c> → <c>linear.*</c>).</summary>
    public string CurrentName(string savedName)
    {
        ArgumentNullException.ThrowIfNull(savedName);
        if (savedName.StartsWith("head.", StringComparison.Ordinal))
        {
            return "linear." + savedName["head.".Length..];
        }

        var match = FormerLstmKey().Match(savedName);
        return match.Success
            ? $"lstm{int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1}.{match.Groups[1].Value}"
            : savedName;
    }

    [GeneratedRegex(@"^lstm\.((?:weight|bias)_(?:ih|hh))_l(\d+)$")]
    private static partial Regex FormerLstmKey();
}
