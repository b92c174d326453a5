using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Tests.Infrastructure;
using Gan.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Training;

[Collection(InProcessTrainingCollection.Name)]
public sealed class LearningRateLoggerTests
{
    [Fact]
    public void Each_optimisers_rate_is_logged_at_the_first_step_and_then_only_when_a_decay_changes_it()
    {
        using var optimizers = new OptimizerProvider(
            new Dictionary<string, OptimizerDefinition> { ["default"] = new() { Lr = 0.0002 } },
            new Dictionary<string, OptimizerDefinition>());
        using var g = torch.nn.Linear(2, 2);
        using var d = torch.nn.Linear(2, 1);
        var optG = optimizers.Create("generator", g.parameters());
        optimizers.Create("discriminator", d.parameters());
        var tracker = new RecordingTracker();
        var logger = new LearningRateLogger(optimizers);

        // A linear decay of the generator's rate from epoch 2 on (as CycleGAN's schedule does), one step per epoch.
        for (var step = 1; step <= 4; step++)
        {
            if (step >= 3)
            {
                optG.ParamGroups.First().LearningRate = 0.0002 * (1 - (step - 2) / 2.0);
            }

            logger.AfterStep(tracker, step);
        }

        Assert.Equal(
            [("lr/generator", 0.0002, 1L), ("lr/discriminator", 0.0002, 1L), ("lr/generator", 0.0001, 3L), ("lr/generator", 0.0, 4L)],
            tracker.Metrics.Select(m => (m.Key, Math.Round(m.Value, 10), m.Step)));
    }

    private sealed class RecordingTracker : IRunTracker
    {
        public List<(string Key, double Value, long Step)> Metrics { get; } = [];

        public string RunId => "test";

        public void LogMetric(string key, double value, long step) => Metrics.Add((key, value, step));

        public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
        {
            foreach (var (key, value) in values)
            {
                LogMetric(key, value, step);
            }
        }

        public void LogParam(string key, string value)
        {
        }

        public void SetTag(string key, string value)
        {
        }

        public void LogArtifact(string artifactPath, byte[] content)
        {
        }

        public void LogImage(string key, byte[] png, long step)
        {
        }
    }
}
