using System.ComponentModel;

namespace Gan.TestPlugins.DropIn;

public sealed class RingOptions
{
    [Description("Gaussians on the ring.")]
    public int Modes { get; set; } = 8;

    [Description("Points per epoch.")]
    public int Count { get; set; } = 2048;

    [Description("Examples per batch.")]
    public int BatchSize { get; set; } = 128;
}
