using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>An optimiser's settings; names and defaults follow torch.optim.</summary>
public sealed class OptimizerDefinition
{
    [Description("adam, adamw, sgd or rmsprop.")]
    public OptimizerKind Type { get; set; } = OptimizerKind.Adam;

    [Range(0.0, double.MaxValue), Description("Learning rate.")]
    public double Lr { get; set; } = 2e-4;

    [Description("Adam/AdamW coefficients (beta1, beta2).")]
    public List<double> Betas { get; set; } = [0.9, 0.999];

    [Range(0.0, double.MaxValue), Description("L2 penalty (decoupled for adamw).")]
    public double WeightDecay { get; set; }

    [Range(0.0, double.MaxValue), Description("Momentum for sgd and rmsprop.")]
    public double Momentum { get; set; }

    [Range(0.0, double.MaxValue), Description("Before each step, scale the gradients so their global L2 norm is at most this (torch.nn.utils.clip_grad_norm_); the norm before clipping is logged as grad_norm/<role>.")]
    public double? ClipGradNorm { get; set; }

    [Range(0.0, double.MaxValue), Description("Before each step, clamp every gradient element to [-value, value] (torch.nn.utils.clip_grad_value_); the norm before clipping is logged as grad_norm/<role>.")]
    public double? ClipGradValue { get; set; }
}
