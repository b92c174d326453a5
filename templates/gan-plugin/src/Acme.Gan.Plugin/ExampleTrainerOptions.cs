using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Acme.Gan.Plugin;

/// <summary>Options of the <c>example-gan</c> trainer.</summary>
public sealed class ExampleTrainerOptions
{
    /// <summary>Weight of the previous value in the running average of the generator's loss.</summary>
    [Description("Weight of the previous value in the running average g_loss_avg (0 = no averaging).")]
    [Range(0.0, 0.9999)]
    public double AverageDecay { get; set; } = 0.9;
}
