using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>
/// Keeps the trained classifier under the cache folder as <c>mnist-classifier-v1-e{epochs}.pt</c> with a
/// <c>.sha256</c> file beside it (sha256sum format). A cached file is used only when its checksum matches;
/// otherwise the classifier is retrained, with a warning, and both files are rewritten.
/// </summary>
internal sealed class ClassifierCache
{
    private const string Version = "v1";

    private readonly string _folder;
    private readonly ILogger _logger;

    public ClassifierCache(string folder, ILogger logger)
    {
        _folder = folder;
        _logger = logger;
    }

    /// <summary>Path of the weights for a classifier trained <paramref name="epochs"/> epochs.</summary>
    public string WeightsPath(int epochs) => Path.Combine(_folder, $"mnist-classifier-{Version}-e{epochs}.pt");

    /// <summary>
    /// The cached classifier, or a freshly trained one on <paramref name="device"/> when there is none or its
    /// checksum does not match. Call on a thread without a dispose scope or no_grad mode.
    /// </summary>
    public MnistClassifier LoadOrTrain(string mnistFolder, int epochs, int seed, Device device, CancellationToken cancellation)
    {
        var weights = WeightsPath(epochs);
        var checksumFile = weights + ".sha256";
        var model = new MnistClassifier();
        try
        {
            if (File.Exists(weights) && File.Exists(checksumFile))
            {
                var expected = File.ReadAllText(checksumFile).Split(' ', 2)[0].Trim();
                var actual = Checksum.Sha256OfFile(weights);
                if (string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
                {
                    model.load(weights);
                    model.to(device);
                    model.eval();
                    _logger.LogInformation("MNIST classifier loaded from {Path} (checksum verified).", weights);
                    return model;
                }

                _logger.LogWarning(
                    "MNIST classifier at {Path} does not match its checksum in {ChecksumFile} (expected {Expected}, found {Actual}); retraining it.",
                    weights, checksumFile, expected, actual);
            }
            else
            {
                _logger.LogInformation("No cached MNIST classifier at {Path}: training one ({Epochs} epochs).", weights, epochs);
            }

            model.to(device);
            TrainAndSave(model, mnistFolder, epochs, seed, weights, checksumFile, cancellation);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private void TrainAndSave(MnistClassifier model, string mnistFolder, int epochs, int seed, string weights, string checksumFile, CancellationToken cancellation)
    {
        using var train = LoadSplit(mnistFolder, MnistFile.TrainImages, MnistFile.TrainLabels);
        using var test = LoadSplit(mnistFolder, MnistFile.TestImages, MnistFile.TestLabels);
        var accuracy = ClassifierTraining.Train(model, train, test, epochs, seed, _logger, cancellation);
        _logger.LogInformation("MNIST classifier trained: test accuracy {Accuracy:P2} on {Count} test images.", accuracy, test.Count);
        if (accuracy < 0.98)
        {
            _logger.LogWarning("MNIST classifier test accuracy {Accuracy:P2} is below 98%: its quality metrics are less trustworthy.", accuracy);
        }

        AtomicFile.Write(weights, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            model.save(writer);
        });
        // Written second: a crash in between leaves weights without a matching checksum, which retrains.
        AtomicFile.WriteText(checksumFile, $"{Checksum.Sha256OfFile(weights)}  {Path.GetFileName(weights)}\n");
    }

    private static MnistSplit LoadSplit(string folder, MnistFile imagesFile, MnistFile labelsFile)
    {
        var images = imagesFile.Find(folder);
        var labels = labelsFile.Find(folder);
        if (images is null || labels is null)
        {
            throw new GanInputException(
                $"The mnist-quality metric trains its classifier on MNIST, but {folder} lacks " +
                $"{(images is null ? imagesFile.GzipName : labelsFile.GzipName)}. Point the metric's `path` at the MNIST folder.");
        }

        return MnistSplit.Create(IdxReader.Read(images), IdxReader.Read(labels));
    }
}
