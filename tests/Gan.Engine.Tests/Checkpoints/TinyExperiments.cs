using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>The MNIST MLP GAN shrunk to a few thousand parameters, one torch thread, on the shared MNIST files.</summary>
internal static class TinyExperiments
{
    /// <summary>Leaves <c>tracking.uri</c> out, so runs go to the default store of the working folder.</summary>
    public const string DefaultStore = "";

    /// <param name="trackingUri">Where runs are recorded: null for a file store in <c>root/mlruns</c>, <see cref="DefaultStore"/> for the default.</param>
    public static string Mnist(
        TemporaryDirectory root, long steps, long everySteps, int latentDim = 16, string name = "tiny.yaml", string extra = "", string? trackingUri = null) =>
        root.WriteFile(name, $$"""
        name: tiny-ckpt
        seed: 5
        device: cpu
        threads: 1
        data_root: {{RepositoryPaths.SharedData}}
        data: {type: mnist, batch_size: 32, download: false}
        model:
          generator: {type: mnist-mlp, latent_dim: {{latentDim}}, hidden_sizes: [32]}
          discriminator: {type: mnist-mlp, hidden_sizes: [32]}
        loss: minimax
        optimizers:
          default: {type: adam, lr: 0.0002, betas: [0.5, 0.999]}
        stages:
          - {name: train, steps: {{steps}}}
        {{(trackingUri == DefaultStore ? "" : $"tracking: {{uri: '{trackingUri ?? root.Combine("mlruns")}', spool_dir: '{root.Combine("spool")}'}}")}}
        checkpoints: {directory: {{root.Combine("checkpoints")}}, every_steps: {{everySteps}}, keep: 2, best_metric: d_loss}
        {{extra}}
        """);
}
