using Gan.Plugins.Mnist.Quality;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist.Tests.Quality;

[Collection(TorchRandomCollection.Name)]
public sealed class ClassifierCacheTests
{
    [Fact]
    public void Trained_classifier_is_cached_with_its_checksum_and_retrained_with_a_warning_when_it_does_not_match()
    {
        using var temp = new TemporaryDirectory();
        TestData.WriteTinyMnist(temp.Path, trainImages: 20, trainLabels: 20, testCount: 10);
        var logger = new RecordingLogger();
        var cache = new ClassifierCache(System.IO.Path.Combine(temp.Path, "cache"), logger);

        using (cache.LoadOrTrain(temp.Path, epochs: 1, seed: 1, CPU, CancellationToken.None))
        {
        }

        var weights = cache.WeightsPath(1);
        var checksum = File.ReadAllText(weights + ".sha256");
        Assert.StartsWith(Checksum.Sha256OfFile(weights) + "  ", checksum, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("checksum", StringComparison.Ordinal));

        using (cache.LoadOrTrain(temp.Path, epochs: 1, seed: 1, CPU, CancellationToken.None))
        {
        }

        Assert.Contains(logger.Entries, e => e.Message.Contains("checksum verified", StringComparison.Ordinal));

        // Corrupt one byte: the cached weights must not be trusted.
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        using (cache.LoadOrTrain(temp.Path, epochs: 1, seed: 1, CPU, CancellationToken.None))
        {
        }

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("does not match its checksum", StringComparison.Ordinal));
        Assert.StartsWith(Checksum.Sha256OfFile(weights), File.ReadAllText(weights + ".sha256"), StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
