using System.Globalization;
using System.Runtime.ExceptionServices;
using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist.Quality;

/// <summary>
/// Sample quality of an MNIST generator seen through a small MNIST classifier: the Fréchet distance between
/// classifier features of N generated images (fixed latents, so values are comparable across evaluations) and
/// the first N test images, an Inception-Score-style score, and the class histogram of the generated digits.
/// </summary>
internal sealed class MnistQualityMetric : IMetric, IDisposable
{
    private const int ChunkSize = 500;

    private readonly MnistQualityOptions _options;
    private readonly ComponentContext _components;
    private readonly ILogger _logger;
    private MnistClassifier? _classifier;
    private Tensor? _realMean;
    private Tensor? _realCovariance;
    private Tensor? _latents;
    private double _realAccuracy;

    public MnistQualityMetric(MnistQualityOptions options, ComponentContext components)
    {
        _options = options;
        _components = components;
        _logger = components.LoggerFactory.CreateLogger<MnistQualityMetric>();
    }

    public IReadOnlyDictionary<string, double> Evaluate(ITrainingContext context)
    {
        var generator = context.Networks.Get<IGenerator>(_options.Generator);
        var latentShape = generator.LatentShape ?? throw new GanInputException(
            $"mnist-quality samples latent noise, but generator '{_options.Generator}' takes data as input.");
        var first = _classifier is null;
        if (first)
        {
            // The engine evaluates metrics in no_grad mode inside a dispose scope; both are per thread, so the
            // one-off classifier training and the tensors kept across evaluations are made on a dedicated
            // thread (not Task.Run: waiting on a task may run it inline on this very thread).
            OnFreshThread(() => Prepare(latentShape, context.Device, context.CancellationToken));
        }

        using var scope = NewDisposeScope();
        var classifier = _classifier!;
        var features = new List<Tensor>();
        var logProbabilities = new List<Tensor>();
        for (long start = 0; start < _options.Samples; start += ChunkSize)
        {
            var length = Math.Min(ChunkSize, _options.Samples - start);
            var images = generator.Generate(_latents!.narrow(0, start, length));
            var hidden = classifier.Features(images);
            features.Add(hidden);
            logProbabilities.Add(F.log_softmax(classifier.Classify(hidden), 1));
        }

        var (mean, covariance) = FrechetDistance.Statistics(cat(features));
        var logP = cat(logProbabilities);
        var values = new Dictionary<string, double>(16)
        {
            ["quality/fid"] = FrechetDistance.FromStatistics(mean, covariance, _realMean!, _realCovariance!),
            ["quality/inception_score"] = InceptionStyleScore.FromLogProbabilities(logP),
        };
        var counts = bincount(logP.argmax(1).cpu(), minlength: 10).data<long>().ToArray();
        var covered = 0;
        for (var digit = 0; digit < 10; digit++)
        {
            var fraction = counts[digit] / (double)_options.Samples;
            values[string.Create(CultureInfo.InvariantCulture, $"quality/class_{digit}")] = fraction;
            covered += fraction >= _options.CoverageThreshold ? 1 : 0;
        }

        values["quality/classes_covered"] = covered;
        if (first)
        {
            values["quality/classifier_accuracy"] = _realAccuracy;
        }

        return values;
    }

    public void Dispose()
    {
        _classifier?.Dispose();
        _realMean?.Dispose();
        _realCovariance?.Dispose();
        _latents?.Dispose();
    }

    private static void OnFreshThread(Action action)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, maxStackSize: 16 * 1024 * 1024) { Name = "mnist-quality preparation" };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    private void Prepare(long[] latentShape, Device device, CancellationToken cancellation)
    {
        var folder = _components.ResolveDataPath(_options.Path);
        var cache = new ClassifierCache(CachePaths.Folder(_components, "mnist-classifier"), _logger);

        // Building and training the classifier draws from torch's global random stream; put it back so that
        // the GAN's own stream is the same whether or not the classifier was cached.
        using var rngState = torch.random.get_rng_state();
        try
        {
            _classifier = cache.LoadOrTrain(folder, _options.ClassifierEpochs, _components.Seed, device, cancellation);
        }
        finally
        {
            torch.random.set_rng_state(rngState);
        }

        _classifier.eval();
        var testImages = MnistFile.TestImages.Find(folder);
        var testLabels = MnistFile.TestLabels.Find(folder);
        if (testImages is null || testLabels is null)
        {
            throw new GanInputException($"The mnist-quality metric needs the MNIST test files (t10k-*) in {folder}.");
        }

        using var test = MnistSplit.Create(IdxReader.Read(testImages), IdxReader.Read(testLabels));
        if (test.Count < _options.Samples)
        {
            throw new GanInputException(
                $"{testImages} holds {test.Count} test images but the mnist-quality metric compares {_options.Samples}; lower `samples`.");
        }

        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            var real = test.Images.narrow(0, 0, _options.Samples).to(device);
            var labels = test.Labels.narrow(0, 0, _options.Samples);
            _realAccuracy = ClassifierTraining.Accuracy(_classifier, real, labels);
            var (mean, covariance) = FrechetDistance.Statistics(_classifier.Features(real));
            _realMean = mean.DetachFromDisposeScope();
            _realCovariance = covariance.DetachFromDisposeScope();
        }

        _logger.LogInformation(
            "mnist-quality: classifier accuracy {Accuracy:P2} on the {Count} real test images the generator is compared with.",
            _realAccuracy, _options.Samples);

        // Fixed latents from a private stream, so every evaluation scores the same noise and none consumes
        // the training's random stream.
        using var random = new Generator((ulong)_components.Seed + 0xF1D, device);
        _latents = randn([_options.Samples, .. latentShape], generator: random, device: device);
    }
}
