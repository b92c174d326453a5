using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>Trains the quality metric's classifier on the MNIST training split and measures it on the test split.</summary>
internal static class ClassifierTraining
{
    private const int BatchSize = 128;
    private const double LearningRate = 1e-3;

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs with Adam (1e-3, batch 128) and returns
    /// its accuracy on <paramref name="test"/>. Call on a thread without a dispose scope or no_grad mode.
    /// </summary>
    public static double Train(MnistClassifier model, MnistSplit train, MnistSplit test, int epochs, int seed, ILogger logger, CancellationToken cancellation)
    {
        var device = model.parameters().First().device;
        using var gradients = enable_grad();
        using var optimizer = optim.Adam(model.parameters(), lr: LearningRate);
        model.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = EpochOrder.Permutation(train.Count, seed, epoch);
            double lossSum = 0;
            var batches = 0;
            for (long start = 0; start < train.Count; start += BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var length = Math.Min(BatchSize, train.Count - start);
                var indices = tensor(order.AsSpan((int)start, (int)length).ToArray());
                var images = train.Images.index_select(0, indices).to(device);
                var labels = train.Labels.index_select(0, indices).to(device);
                optimizer.zero_grad();
                var loss = F.cross_entropy(model.forward(images), labels);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                batches++;
            }

            logger.LogInformation("MNIST classifier epoch {Epoch}/{Epochs}: training loss {Loss:F4}", epoch + 1, epochs, lossSum / batches);
        }

        model.eval();
        return Accuracy(model, test.Images, test.Labels);
    }

    /// <summary>The fraction of <paramref name="images"/> classified as <paramref name="labels"/>.</summary>
    public static double Accuracy(MnistClassifier model, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = model.parameters().First().device;
        long correct = 0;
        for (long start = 0; start < images.shape[0]; start += 1000)
        {
            var length = Math.Min(1000, images.shape[0] - start);
            var predicted = model.forward(images.narrow(0, start, length).to(device)).argmax(1).cpu();
            correct += predicted.eq(labels.narrow(0, start, length).cpu()).sum().item<long>();
        }

        return correct / (double)images.shape[0];
    }
}
