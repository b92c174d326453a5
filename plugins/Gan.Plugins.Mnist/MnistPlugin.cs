using Gan.Abstractions;
using Gan.Plugins.Mnist.Quality;
using Microsoft.Extensions.DependencyInjection;
using Gan.Toolkit;

namespace Gan.Plugins.Mnist;

/// <summary>
/// Entry point of the MNIST plugin: registers the <c>mnist</c> data source, the classic tutorial's
/// <c>mnist-mlp</c> generator and discriminator, the <c>mnist-dcgan</c> pair and the <c>mnist-quality</c> metric.
/// </summary>
public sealed class MnistPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<ISampleExporter, MnistSampleExporter>();
        services.AddGanComponent<IDataSource, MnistDataOptions>(
            "mnist",
            (context, options) => new MnistDataSource(context, options, SharedHttpClient.From(context.Services)),
            "MNIST handwritten digits from the original IDX files (downloaded when missing), images scaled to [-1, 1].");
        services.AddGanComponent<IGenerator, MlpGeneratorOptions>(
            "mnist-mlp",
            (_, options) => new MlpGenerator(options),
            "The classic tutorial's MLP generator: latent 100 → 256 → 512 → 1024 → 784, LeakyReLU 0.2, Tanh.");
        services.AddGanComponent<IDiscriminator, MlpDiscriminatorOptions>(
            "mnist-mlp",
            (_, options) => new MlpDiscriminator(options),
            "The classic tutorial's MLP discriminator: 784 → 512 → 256 → 1 logit, LeakyReLU 0.2.");
        services.AddGanComponent<IGenerator, DcganGeneratorOptions>(
            "mnist-dcgan",
            (_, options) => new DcganGenerator(options),
            "DCGAN generator for 28×28 (Radford et al. 2016): 100 → (128·7·7) → 64·14·14 → 1·28·28, transposed convs, BN, ReLU, Tanh.");
        services.AddGanComponent<IDiscriminator, DcganDiscriminatorOptions>(
            "mnist-dcgan",
            (_, options) => new DcganDiscriminator(options),
            "DCGAN discriminator for 28×28 (Radford et al. 2016): strided convs 28 → 14 → 7 → 1 logit, BN, LeakyReLU 0.2.");
        services.AddGanComponent<IMetric, MnistQualityOptions>(
            "mnist-quality",
            (context, options) => new MnistQualityMetric(options, context),
            "FID on MNIST-classifier features, Inception-style score and digit histogram of generated images.");
    }
}
