using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Engine.BuiltIns;

/// <summary>
/// The engine's own components, registered like any plugin's under the plugin name "core": the standard
/// adversarial trainer, the loss catalogue and the image-grid sample renderer. None is domain-specific.
/// </summary>
internal sealed class CorePlugin : IGanPlugin
{
    public void Configure(IServiceCollection services)
    {
        services.AddGanComponent<ITrainer, AdversarialTrainerOptions>(
            "adversarial", (_, options) => new AdversarialTrainer(options),
            "The standard GAN loop: a discriminator update, then a generator update, with the experiment's loss.");
        services.AddGanComponent<ILossStrategy, MinimaxLossOptions>(
            "minimax", (_, options) => new MinimaxLoss(options),
            "Goodfellow et al.'s BCE objective, as in the classic PyTorch GAN tutorial.");
        services.AddGanComponent<ISampleRenderer, ImageGridOptions>(
            "image-grid", (context, options) => new ImageGridRenderer(options, context.Seed),
            "A PNG grid of generator samples from a fixed batch of latent vectors.");
    }
}
