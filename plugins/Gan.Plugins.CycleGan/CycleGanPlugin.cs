using Gan.Abstractions;
using Gan.Plugins.CycleGan.Data;
using Gan.Plugins.CycleGan.Networks;
using Gan.Plugins.CycleGan.Samples;
using Gan.Plugins.CycleGan.Tools;
using Gan.Plugins.CycleGan.Training;
using Microsoft.Extensions.DependencyInjection;
using Gan.Toolkit;

namespace Gan.Plugins.CycleGan;

/// <summary>
/// Entry point of the CycleGAN plugin: the <c>unaligned-images</c> data source, the reference's
/// <c>resnet_9blocks</c>/<c>resnet_6blocks</c> generators and <c>patchgan</c> discriminator, the <c>cyclegan</c>
/// trainer, the <c>cyclegan-grid</c> samples and the <c>translate</c> and <c>make-shapes-dataset</c> commands.
/// </summary>
public sealed class CycleGanPlugin : IGanPlugin
{
    /// <inheritdoc />
    public void Configure(IServiceCollection services)
    {
        services.AddGanComponent<IDataSource, UnalignedImagesOptions>(
            "unaligned-images",
            (context, options) => new UnalignedImagesDataSource(context, options, SharedHttpClient.From(context.Services)),
            "Unpaired images from ROOT/trainA and trainB (testA/testB for samples): resize, random crop, flip, [-1, 1]; batches 'A' and 'B'.");
        services.AddGanComponent<IGenerator, ResnetGeneratorOptions>(
            "resnet_9blocks", (_, options) => new ResnetGenerator(options, 9),
            "CycleGAN's ResNet generator with 9 residual blocks (for 256x256 images; 11.378 M parameters).");
        services.AddGanComponent<IGenerator, ResnetGeneratorOptions>(
            "resnet_6blocks", (_, options) => new ResnetGenerator(options, 6),
            "CycleGAN's ResNet generator with 6 residual blocks (for 128x128 images).");
        services.AddGanComponent<IDiscriminator, PatchDiscriminatorOptions>(
            "patchgan", (_, options) => new PatchDiscriminator(options),
            "The 70x70 PatchGAN discriminator (the reference's netD 'basic'; 2.765 M parameters).");
        services.AddGanComponent<ITrainer, CycleGanTrainerOptions>(
            "cyclegan", (_, options) => new CycleGanTrainer(options),
            "CycleGAN: G_A, G_B, D_A, D_B with adversarial, cycle (λ 10) and identity (0.5λ) losses, image pools, linear LR decay.");
        services.AddGanComponent<ISampleRenderer, CycleGanGridOptions>(
            "cyclegan-grid", (_, options) => new CycleGanGridRenderer(options),
            "PNG rows real A → fake B → rec A and real B → fake A → rec B on fixed test images.");
        services.AddSingleton<IGanTool, TranslateTool>();
        services.AddSingleton<IGanTool, MakeShapesDatasetTool>();
    }
}
