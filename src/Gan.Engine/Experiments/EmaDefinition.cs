using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>An exponential moving average of a generator's weights (<c>ema.&lt;role&gt;</c>), as ProGAN and StyleGAN keep.</summary>
public sealed class EmaDefinition
{
    [Range(0.0, 0.999999), Description("Weight of the average in each update: ema = decay × ema + (1 − decay) × weights.")]
    public double Decay { get; set; } = 0.999;

    [Range(0, long.MaxValue), Description("Until this step the average is a copy of the weights; it starts averaging after it.")]
    public long StartStep { get; set; }

    [Range(1, long.MaxValue), Description("Update the average every N steps.")]
    public long Every { get; set; } = 1;

    [Description("Samples and metrics use the averaged weights (true) or the trained ones (false); both are checkpointed and logged.")]
    public bool Evaluate { get; set; } = true;
}
