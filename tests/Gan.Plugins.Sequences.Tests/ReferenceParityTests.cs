using Gan.Engine.Interchange;
using Gan.Plugins.Sequences.Networks;
using TorchSharp;

namespace Gan.Plugins.Sequences.Tests;

/// <summary>
/// The predictor against PyTorch's examples/time_sequence_prediction <c>Sequence</c> (LSTM cells lstm1, lstm2 and a
/// linear head) on the committed fixture of bench/parity/make_fixtures.py, and its earlier checkpoints' names.
/// </summary>
public sealed class ReferenceParityTests
{
    [Fact]
    public void Lstm_predictor_has_the_examples_keys_and_its_last_step_prediction()
    {
        using var fixture = ParityFixture.Open(Path.Combine(ParityFixture.TinyRoot, "lstm_predictor"));
        using var predictor = new LstmPredictor(new LstmPredictorOptions
        {
            Window = fixture.Int("window"),
            HiddenSize = fixture.Int("hidden_size"),
            NumLayers = fixture.Int("num_layers"),
            Dropout = fixture.Double("dropout"),
        });

        // The example predicts after every step; "output" is its prediction after the window's last value.
        var result = fixture.Check(predictor, predictor.forward);

        ParityAssert.MatchesReference(result);
    }

    [Fact]
    public void Checkpoints_written_under_the_former_lstm_and_head_names_still_load()
    {
        using var temp = new TemporaryDirectory();
        using var scope = torch.NewDisposeScope();
        var options = new LstmPredictorOptions { Window = 4, HiddenSize = 3, NumLayers = 2 };
        using var source = new LstmPredictor(options);
        // The former layout: one nn.LSTM named lstm and a head named head, saved by TorchSharp.
        using var former = new FormerPredictor(options);
        using (torch.no_grad())
        {
            foreach (var (name, tensor) in former.state_dict())
            {
                tensor.copy_(source.state_dict()[source.CurrentName(name)]);
            }
        }

        var path = Path.Combine(temp.Path, "predictor.tsmodel");
        former.save(path);
        using var loaded = new LstmPredictor(options);
        NetworkWeights.LoadInto(loaded, path, "model.predictor.init_from");

        var input = torch.randn(2, 4, 1);
        using (torch.no_grad())
        {
            Assert.Equal(0f, (loaded.forward(input) - source.forward(input)).abs().max().item<float>());
            Assert.True((loaded.forward(input) - former.forward(input)).abs().max().item<float>() < 1e-6f);
        }

        Assert.Equal("lstm2.bias_hh", loaded.CurrentName("lstm.bias_hh_l1"));
        Assert.Equal("linear.weight", loaded.CurrentName("head.weight"));
        Assert.Equal("lstm1.weight_ih", loaded.CurrentName("lstm1.weight_ih"));
    }

    /// <summary>The predictor as it was before its names matched the reference (fused nn.LSTM plus head).</summary>
    private sealed class FormerPredictor : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
#pragma warning disable IDE1006 // TorchSharp names submodules after the fields.
        private readonly TorchSharp.Modules.LSTM lstm;
        private readonly TorchSharp.Modules.Linear head;
#pragma warning restore IDE1006

        public FormerPredictor(LstmPredictorOptions options) : base("former")
        {
            lstm = torch.nn.LSTM(1, options.HiddenSize, options.NumLayers, batchFirst: true);
            head = torch.nn.Linear(options.HiddenSize, 1);
            RegisterComponents();
        }

        public override torch.Tensor forward(torch.Tensor input)
        {
            var (output, _, _) = lstm.call(input, null);
            return head.call(output.select(1, -1));
        }
    }
}
