using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;

namespace Gan.TestPlugins.DropIn;

/// <summary>Registers a 2-D toy GAN: points on a ring of Gaussians, and small MLPs.</summary>
public sealed class DropInPlugin : IGanPlugin
{
    public void Configure(IServiceCollection services)
    {
#if THROW_ON_CONFIGURE
        throw new InvalidOperationException("this plugin is broken on purpose");
#else
        // Uses the private dependency while loading, so a plugin folder missing it fails here, visibly.
        var description = $"Points on a ring of Gaussians (2-D toy data); {nameof(Sep)} from a private dependency.";
        _ = Sep.New(',');
        services.AddGanComponent<IDataSource, RingOptions>("toy-ring", (_, o) => new RingDataSource(o), description);
        services.AddGanComponent<IGenerator, ToyMlpOptions>("toy-mlp", (_, o) => new ToyGenerator(o), "A small MLP generator for 2-D points.");
        services.AddGanComponent<IDiscriminator, ToyMlpOptions>("toy-mlp", (_, o) => new ToyDiscriminator(o), "A small MLP discriminator for 2-D points.");
#endif
    }
}
