
namespace Gan.Engine.Tests.Infrastructure;

/// <summary>Small real experiments the tests write to a temporary folder.</summary>
internal static class TestExperiments
{
    /// <summary>The classic MNIST GAN on the shared MNIST files, tracked into <c>root/mlruns</c>.</summary>
    public static string Mnist(TemporaryDirectory root, long steps, int seed = 7, long secondStageSteps = 0) => root.WriteFile("mnist.yaml", $"""
        name: mnist-test
        seed: {seed}
        device: cpu
        data_root: {RepositoryPaths.SharedData}
        data: {'{'}type: mnist, batch_size: 64, download: false{'}'}
        model:
          generator: {'{'}type: mnist-mlp{'}'}
          discriminator: {'{'}type: mnist-mlp{'}'}
        loss: minimax
        optimizers:
          default: {'{'}type: adam, lr: 0.0002, betas: [0.5, 0.999]{'}'}
        samples:
          - {'{'}type: image-grid, rows: 2, columns: 2{'}'}
        stages:
          - name: train
            steps: {steps}
            samples_every: {Math.Max(steps / 2, 1)}
        {(secondStageSteps > 0 ? $"  - {{name: second, steps: {secondStageSteps}}}" : "")}
        tracking: {'{'}uri: {root.Combine("mlruns")}{'}'}
        checkpoints: {'{'}directory: {root.Combine("checkpoints")}{'}'}
        """);

    /// <summary>The drop-in plugin's 2-D toy GAN; <paramref name="plugins"/> is the experiment's <c>plugins:</c> list, if any.</summary>
    public static string Ring(TemporaryDirectory root, long steps, string? plugins = null) => root.WriteFile("ring.yaml", $"""
        name: ring-test
        {(plugins is null ? "" : $"plugins: ['{plugins}']")}
        seed: 3
        device: cpu
        data: {'{'}type: toy-ring, batch_size: 64, count: 1024{'}'}
        model:
          generator: {'{'}type: toy-mlp, hidden: 16{'}'}
          discriminator: {'{'}type: toy-mlp, hidden: 16{'}'}
        loss: minimax
        optimizers:
          default: {'{'}lr: 0.001, betas: [0.5, 0.999]{'}'}
        stages:
          - {'{'}name: train, steps: {steps}{'}'}
        tracking: {'{'}uri: {root.Combine("mlruns")}{'}'}
        checkpoints: {'{'}enabled: false{'}'}
        """);
}
