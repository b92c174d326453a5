using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace Gan.Bench.Mnist;

/// <summary>
/// The same GAN iteration written directly against TorchSharp, with nothing of the framework: same layer sizes,
/// BCE with logits, Adam 2e-4 (0.5, 0.999), batch 64, one dispose scope per step, batches sliced from an
/// in-memory tensor. The difference between this and the engine side is the framework's own overhead.
/// </summary>
internal static class BareTorchLoop
{
    private const int BatchSize = 64;
    private const int LatentDim = 100;

    public static LoopMeasurement Run(MnistLoopSettings settings)
    {
        torch.set_num_threads(settings.Threads);
        torch.manual_seed(settings.Seed);
        using var images = MnistImages.LoadTraining(settings.DataRoot);
        var count = images.shape[0];

        using var generator = Sequential(
            Linear(LatentDim, 256), LeakyReLU(0.2),
            Linear(256, 512), LeakyReLU(0.2),
            Linear(512, 1024), LeakyReLU(0.2),
            Linear(1024, 784), Tanh());
        // (B, 100) -> (B, 784) in [-1, 1]
        using var discriminator = Sequential(
            Linear(784, 512), LeakyReLU(0.2),
            Linear(512, 256), LeakyReLU(0.2),
            Linear(256, 1));
        // (B, 784) -> (B, 1) logits
        using var generatorOptimizer = optim.Adam(generator.parameters(), 2e-4, 0.5, 0.999);
        using var discriminatorOptimizer = optim.Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
        generator.train();
        discriminator.train();

        var trace = new MemoryTrace(settings.WarmupSteps, settings.SampleEvery);
        double discriminatorLoss = double.NaN, generatorLoss = double.NaN;
        long step = 0;
        var clock = Stopwatch.StartNew();
        while (step < settings.Steps)
        {
            // Each epoch visits the images in a new random order; the last partial batch is kept, as in the engine.
            using var order = randperm(count);
            for (long start = 0; start < count && step < settings.Steps; start += BatchSize)
            {
                using (var scope = NewDisposeScope())
                {
                    var length = Math.Min(BatchSize, count - start);
                    var real = images.index_select(0, order.narrow(0, start, length));
                    // (B, 784)

                    // Discriminator on a real batch and a generated one.
                    discriminatorOptimizer.zero_grad();
                    var fake = generator.forward(randn(length, LatentDim));
                    var realLogits = discriminator.forward(real);
                    var fakeLogits = discriminator.forward(fake.detach());
                    var dLoss = F.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
                                + F.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
                    dLoss.backward();
                    discriminatorOptimizer.step();

                    // Generator through the updated discriminator, non-saturating, on the same fakes.
                    generatorOptimizer.zero_grad();
                    var gLogits = discriminator.forward(fake);
                    var gLoss = F.binary_cross_entropy_with_logits(gLogits, ones_like(gLogits));
                    gLoss.backward();
                    generatorOptimizer.step();

                    // A loop that logs its losses reads them back every step, as the tutorial's print does.
                    discriminatorLoss = dLoss.item<float>();
                    generatorLoss = gLoss.item<float>();
                }

                step++;
                trace.AfterStep(step);
            }
        }

        clock.Stop();
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["torch_threads"] = torch.get_num_threads().ToString(CultureInfo.InvariantCulture),
            ["d_loss"] = discriminatorLoss.ToString("G5", CultureInfo.InvariantCulture),
            ["g_loss"] = generatorLoss.ToString("G5", CultureInfo.InvariantCulture),
        };
        return new LoopMeasurement("bare", step, clock.Elapsed.TotalSeconds, null, trace.Samples, details) { PeakRssBytes = ResidentMemory.PeakBytes() };
    }
}
