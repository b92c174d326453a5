using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Plugins.Midi.Model;

/// <summary>
/// MuseGAN's bar generator for one track: the bar's four noise parts (4·z) to one bar of piano-roll
/// (steps × pitches). A dense layer, transposed 2-D convolutions doubling the time axis, then transposed
/// convolutions with stride = kernel along pitch (octaves, then pitch classes), as in the paper.
/// Shapes below are for the defaults (ngf 32, 4 time upsamplings, 48 steps, pitch kernels [7, 12]).
/// </summary>
internal sealed class BarGenerator : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names the submodules after the fields.
    private readonly Sequential dense;
    private readonly Sequential convs;
#pragma warning restore IDE1006

    private readonly long _channels;
    private readonly long _startSteps;

    public BarGenerator(string name, MuseGanGeneratorOptions options) : base(name)
    {
        var upsamplings = options.TimeUpsamplings;
        _channels = (long)options.Ngf << upsamplings;
        _startSteps = options.StepsPerBar >> upsamplings;
        dense = Sequential(
            // (N, 4z)
            Linear(4 * options.ZDim, _channels * _startSteps),
            BatchNorm1d(_channels * _startSteps),
            ReLU());
            // (N, ngf*16 * 3)
        var layers = new List<Module<Tensor, Tensor>>();
        var channels = _channels;
        for (var i = 0; i < upsamplings; i++)
        {
            layers.Add(ConvTranspose2d(channels, channels / 2, (4, 1), stride: (2, 1), padding: (1, 0)));
            layers.Add(BatchNorm2d(channels / 2));
            layers.Add(ReLU());
            channels /= 2;
            // (ngf*8) x 6 x 1, (ngf*4) x 12 x 1, (ngf*2) x 24 x 1, ngf x 48 x 1
        }

        for (var i = 0; i < options.PitchKernels.Count; i++)
        {
            var last = i == options.PitchKernels.Count - 1;
            var next = last ? 1 : Math.Max(1, channels / 2);
            var kernel = options.PitchKernels[i];
            layers.Add(new PitchUnfold(channels, next, kernel));
            if (!last)
            {
                layers.Add(BatchNorm2d(next));
                layers.Add(ReLU());
            }

            channels = next;
            // (ngf/2) x 48 x 7, then 1 x 48 x 84
        }

        layers.Add(options.OutputActivation == OutputActivation.Sigmoid ? Sigmoid() : Tanh());
        // 1 x steps x pitches, in the data's range
        convs = Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Maps (N, 4z) to bars (N, 1, steps, pitches).</summary>
    public override Tensor forward(Tensor input)
    {
        using var hidden = dense.forward(input);
        using var grid = hidden.view(-1, _channels, _startSteps, 1);
        return convs.forward(grid);
    }
}
