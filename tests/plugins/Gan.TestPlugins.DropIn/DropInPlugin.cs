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
        // A service of the plugin's own, which its data source resolves from ComponentContext.Services: it must
        // be there whether the plugin came from the host's folder or only from an experiment's plugins: list.
        services.AddSingleton(new RingGeometry(Radius: 1.0));
        services.AddGanComponent<IDataSource, RingOptions>("toy-ring",
            (context, o) => new RingDataSource(o, context.Services.GetRequiredService<RingGeometry>()), description);
#if !CONTRACTS_1_0
        services.AddSingleton<IStageCallback, StepCounter>();
#endif
        services.AddGanComponent<IGenerator, ToyMlpOptions>("toy-mlp", (_, o) => new ToyGenerator(o), "A small MLP generator for 2-D points.");
        services.AddGanComponent<IDiscriminator, ToyMlpOptions>("toy-mlp", (_, o) => new ToyDiscriminator(o), "A small MLP discriminator for 2-D points.");
#endif
    }
}
