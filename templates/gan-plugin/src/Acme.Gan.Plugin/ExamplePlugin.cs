using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Gan.Plugin;

/// <summary>
/// The plugin's entry type: the host finds every public <see cref="IGanPlugin"/> in the plugin's assembly and
/// calls <see cref="Configure"/> once. Each registration's name is the <c>type:</c> used in experiment YAML.
/// </summary>
public sealed class ExamplePlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddGanComponent<IDataSource, BlobsOptions>("example-blobs",
            (_, options) => new BlobsDataSource(options), "2-D points from Gaussian blobs on a ring (example data source).");
        services.AddGanComponent<IGenerator, MlpGeneratorOptions>("example-mlp",
            (_, options) => new MlpGenerator(options), "MLP generator for 2-D points (example generator).");
        services.AddGanComponent<IDiscriminator, MlpDiscriminatorOptions>("example-mlp",
            (_, options) => new MlpDiscriminator(options), "MLP discriminator for 2-D points (example discriminator).");
        services.AddGanComponent<ITrainer, ExampleTrainerOptions>("example-gan",
            (_, options) => new ExampleTrainer(options), "The standard GAN step with a running average of g_loss (example trainer).");
        services.AddGanComponent<IMetric, ModeCoverageOptions>("example-mode-coverage",
            (_, options) => new ModeCoverageMetric(options), "Share of the blobs the generator covers (example metric).");
    }
}
