using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Mnist;

/// <summary>
/// Entry point of the MNIST plugin: registers the <c>mnist</c> data source and the classic tutorial's
/// <c>mnist-mlp</c> generator and discriminator.
/// </summary>
public sealed class MnistPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddGanComponent<IDataSource, MnistDataOptions>(
            "mnist",
            (context, options) => new MnistDataSource(context, options, MnistDownloader.SharedHttpClient),
            "MNIST handwritten digits from the original IDX files (downloaded when missing), images scaled to [-1, 1].");
        services.AddGanComponent<IGenerator, MlpGeneratorOptions>(
            "mnist-mlp",
            (_, options) => new MlpGenerator(options),
            "The classic tutorial's MLP generator: latent 100 → 256 → 512 → 1024 → 784, LeakyReLU 0.2, Tanh.");
        services.AddGanComponent<IDiscriminator, MlpDiscriminatorOptions>(
            "mnist-mlp",
            (_, options) => new MlpDiscriminator(options),
            "The classic tutorial's MLP discriminator: 784 → 512 → 256 → 1 logit, LeakyReLU 0.2.");
    }
}
