using System.Diagnostics;
using System.Globalization;
using Gan.Native;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Parameter = TorchSharp.Modules.Parameter;

// The same layers, shapes and timing loop as layer_bench.py; one line per layer: name, milliseconds.
TorchNativeLoader.EnsureLoaded();
torch.set_num_threads(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2);
// The fastest of Repeats timings: on a shared 2-core machine the minimum is far steadier than the mean.
const int Warmup = 3;
const int Repeats = 20;

foreach (var (name, channels, size, layer) in CycleGanLayers())
{
    using (layer)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < Warmup + Repeats; i++)
        {
            using var scope = NewDisposeScope();
            var input = randn(1, channels, size, size).requires_grad_();
            var start = Stopwatch.GetTimestamp();
            layer.call(input).sum().backward();
            fastest = i < Warmup ? fastest : Min(fastest, Stopwatch.GetElapsedTime(start));
        }

        Report(name, fastest);
    }
}

// One optimiser step over the two resnet_9blocks generators' parameters (22.8 M), with the same small gradients
// every step: TorchSharp's own Adam beside the engine's (Gan.Engine.Training.Optimizers.Adam).
var generatorPair = ResnetGeneratorShapes().Concat(ResnetGeneratorShapes())
    .Select(shape => new Parameter(randn(shape) * 0.02)).ToList();
foreach (var parameter in generatorPair)
{
    parameter.grad = randn_like(parameter) * 1e-3;
}

foreach (var (name, optimizer) in new (string, optim.Optimizer)[]
{
    ("Adam G pair (engine)", new Gan.Engine.Training.Optimizers.Adam(generatorPair, 2e-4, 0.5, 0.999)),
    ("Adam G pair (TorchSharp)", optim.Adam(generatorPair, 2e-4, 0.5, 0.999)),
})
{
    using (optimizer)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < Warmup + Repeats; i++)
        {
            var start = Stopwatch.GetTimestamp();
            optimizer.step();
            fastest = i < Warmup ? fastest : Min(fastest, Stopwatch.GetElapsedTime(start));
        }

        Report(name, fastest);
    }
}

static IEnumerable<long[]> ResnetGeneratorShapes()
{
    long[][] stem = [[64, 3, 7, 7], [64], [128, 64, 3, 3], [128], [256, 128, 3, 3], [256]];
    long[][] head = [[256, 128, 3, 3], [128], [128, 64, 3, 3], [64], [3, 64, 7, 7], [3]];
    var residual = Enumerable.Repeat<long[][]>([[256, 256, 3, 3], [256]], 18).SelectMany(pair => pair);
    return stem.Concat(residual).Concat(head);
}

static IEnumerable<(string Name, long Channels, long Size, Module<Tensor, Tensor> Layer)> CycleGanLayers()
{
    yield return ("G conv7 3->64 @134", 3, 134, Conv2d(3, 64, 7));
    yield return ("G conv3s2 64->128 @128", 64, 128, Conv2d(64, 128, 3, stride: 2, padding: 1));
    yield return ("G conv3s2 128->256 @64", 128, 64, Conv2d(128, 256, 3, stride: 2, padding: 1));
    yield return ("G res conv3 256->256 @34", 256, 34, Conv2d(256, 256, 3));
    yield return ("G convT 256->128 @32", 256, 32, ConvTranspose2d(256, 128, 3, stride: 2, padding: 1, output_padding: 1));
    yield return ("G convT 128->64 @64", 128, 64, ConvTranspose2d(128, 64, 3, stride: 2, padding: 1, output_padding: 1));
    yield return ("G conv7 64->3 @134", 64, 134, Conv2d(64, 3, 7));
    yield return ("instance norm 256 @32", 256, 32, InstanceNorm2d(256));
    yield return ("instance norm 64 @128", 64, 128, InstanceNorm2d(64));
    // The CycleGAN networks' own InstanceNorm: the same arithmetic through group norm.
    yield return ("  as group norm 256 @32", 256, 32, new Gan.Plugins.CycleGan.Networks.InstanceNorm(256));
    yield return ("  as group norm 64 @128", 64, 128, new Gan.Plugins.CycleGan.Networks.InstanceNorm(64));
    yield return ("reflection pad 1, 256 @32", 256, 32, ReflectionPad2d(1));
    yield return ("reflection pad 3, 64 @128", 64, 128, ReflectionPad2d(3));
    yield return ("D conv4s2 3->64 @128", 3, 128, Conv2d(3, 64, 4, stride: 2, padding: 1));
    yield return ("D conv4s2 64->128 @64", 64, 64, Conv2d(64, 128, 4, stride: 2, padding: 1));
    yield return ("D conv4 256->512 @16", 256, 16, Conv2d(256, 512, 4, stride: 1, padding: 1));
}

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

static void Report(string name, TimeSpan fastest) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {fastest.TotalMilliseconds,8:F1} ms"));
