using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Health;

/// <summary>Small real MNIST experiments set up to fail in a chosen way.</summary>
internal static class HealthExperiments
{
    public static string Mnist(TemporaryDirectory root, long steps, string loss, string optimizers, string health) => root.WriteFile("health.yaml", $"""
        name: health-test
        seed: 5
        device: cpu
        data_root: {RepositoryPaths.SharedData}
        data: {'{'}type: mnist, batch_size: 64, download: false{'}'}
        model:
          generator: {'{'}type: mnist-mlp, hidden_sizes: [64]{'}'}
          discriminator: {'{'}type: mnist-mlp, hidden_sizes: [64]{'}'}
        loss: {loss}
        optimizers:
        {optimizers}
        health: {health}
        stages:
          - {'{'}name: train, steps: {steps}{'}'}
        tracking: {'{'}uri: {root.Combine("mlruns")}{'}'}
        checkpoints: {'{'}directory: {root.Combine("checkpoints")}{'}'}
        """);
}
