using System.ComponentModel;

namespace Gan.TestPlugins.DropIn;

public sealed class ToyMlpOptions
{
    [Description("Hidden width.")]
    public int Hidden { get; set; } = 32;

    [Description("Latent size (generator only).")]
    public int LatentDim { get; set; } = 4;
}
