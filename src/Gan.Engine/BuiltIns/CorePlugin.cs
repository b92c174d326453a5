using Gan.Abstractions;
using Gan.Engine.BuiltIns.Losses;
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
        AddLosses(services);
        services.AddGanComponent<ISampleRenderer, ImageGridOptions>(
            "image-grid", (context, options) => new ImageGridRenderer(options, context.Seed),
            "A PNG grid of generator samples from a fixed batch of latent vectors.");
    }

    private static void AddLosses(IServiceCollection services)
    {
        services.AddGanComponent<ILossStrategy, MinimaxLossOptions>(
            "minimax", (_, options) => new MinimaxLoss(options),
            "BCE minimax objective (Goodfellow et al. 2014), as in the classic PyTorch GAN tutorial.");
        services.AddGanComponent<ILossStrategy, NonSaturatingLossOptions>(
            "non-saturating", (_, options) => new NonSaturatingLoss(options),
            "BCE discriminator with the non-saturating generator -log D(G(z)) (Goodfellow et al. 2014, sec. 3).");
        services.AddGanComponent<ILossStrategy, LeastSquaresLossOptions>(
            "lsgan", (_, options) => new LeastSquaresLoss(options),
            "Least squares GAN, targets 1/0, D halved as CycleGAN's code (Mao et al. 2017, arXiv:1611.04076).");
        services.AddGanComponent<ILossStrategy, WassersteinLossOptions>(
            "wgan", (_, options) => new WassersteinLoss(options),
            "Wasserstein GAN with weight clipping c=0.01, n_critic 5 (Arjovsky et al. 2017, arXiv:1701.07875).");
        services.AddGanComponent<ILossStrategy, WassersteinGpLossOptions>(
            "wgan-gp", (_, options) => new WassersteinGpLoss(options),
            "Wasserstein GAN with gradient penalty lambda=10, n_critic 5 (Gulrajani et al. 2017, arXiv:1704.00028).");
        services.AddGanComponent<ILossStrategy, HingeLossOptions>(
            "hinge", (_, options) => new HingeLoss(options),
            "Hinge loss (Lim & Ye 2017, arXiv:1705.02894; Miyato et al. 2018, SN-GAN).");
        services.AddGanComponent<ILossStrategy, RelativisticAverageLossOptions>(
            "ragan", (_, options) => new RelativisticAverageLoss(options),
            "Relativistic average standard GAN, RaSGAN (Jolicoeur-Martineau 2018, arXiv:1807.00734).");
    }
}
