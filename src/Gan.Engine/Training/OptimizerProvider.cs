using Gan.Abstractions;
using Gan.Engine.Experiments;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Training;

/// <summary>Builds a stage's optimisers: the stage's settings for a role, else the experiment's, else <c>default</c>.</summary>
internal sealed class OptimizerProvider : IOptimizerProvider, IDisposable
{
    private const string DefaultRole = "default";
    private readonly IReadOnlyDictionary<string, OptimizerDefinition> _stage;
    private readonly IReadOnlyDictionary<string, OptimizerDefinition> _experiment;
    private readonly List<(string Role, optim.Optimizer Optimizer)> _created = [];
    private readonly List<(string Role, Optimizers.GradientClip Clip)> _clips = [];

    private readonly Distributed.DataParallel? _dataParallel;

    /// <param name="experiment">The experiment's optimisers by role.</param>
    /// <param name="stage">The stage's, which win.</param>
    /// <param name="dataParallel">When data-parallel, every optimiser averages its gradients over the ranks before it steps.</param>
    public OptimizerProvider(
        IReadOnlyDictionary<string, OptimizerDefinition> experiment, IReadOnlyDictionary<string, OptimizerDefinition> stage, Distributed.DataParallel? dataParallel = null)
    {
        _experiment = experiment;
        _stage = stage;
        _dataParallel = dataParallel;
    }

    /// <summary>The optimisers created in this stage, by role.</summary>
    public IReadOnlyList<(string Role, optim.Optimizer Optimizer)> Created => _created;

    /// <summary>The gradient clips of this stage's optimisers, by role, for the <c>grad_norm/&lt;role&gt;</c> metric.</summary>
    public IReadOnlyList<(string Role, Optimizers.GradientClip Clip)> Clips => _clips;

    public optim.Optimizer Create(string role, IEnumerable<Parameter> parameters)
    {
        var settings = Lookup(role);
        var list = parameters.ToList();
        var beta1 = settings.Betas.ElementAtOrDefault(0);
        var beta2 = settings.Betas.Count > 1 ? settings.Betas[1] : 0.999;
        if (settings.Betas.Count != 2 && settings.Type is OptimizerKind.Adam or OptimizerKind.AdamW)
        {
            throw new GanInputException($"optimizers.{role}.betas must have two values (beta1, beta2); it has {settings.Betas.Count}.");
        }

        optim.Optimizer optimizer = settings.Type switch
        {
            OptimizerKind.Adam => new Optimizers.Adam(list, settings.Lr, beta1, beta2, weight_decay: settings.WeightDecay),
            OptimizerKind.AdamW => new Optimizers.AdamW(list, settings.Lr, beta1, beta2, weight_decay: settings.WeightDecay),
            OptimizerKind.Sgd => new Optimizers.SGD(list, settings.Lr, settings.Momentum, settings.WeightDecay),
            OptimizerKind.RmsProp => new Optimizers.RMSProp(list, settings.Lr, settings.Momentum, settings.WeightDecay),
            _ => throw new GanInputException($"optimizers.{role}.type '{settings.Type}' is not supported."),
        };
        var prepared = (Optimizers.IPreparedOptimizer)optimizer;
        if (_dataParallel is { } dataParallel)
        {
            prepared.AverageGradients = () => dataParallel.AverageGradients(list); // before clipping: clip the mean, as DDP does
        }

        if (settings.ClipGradNorm is not null || settings.ClipGradValue is not null)
        {
            var clip = new Optimizers.GradientClip(list, settings.ClipGradNorm, settings.ClipGradValue);
            prepared.Clip = clip;
            _clips.Add((role, clip));
        }

        _created.Add((role, optimizer));
        return optimizer;
    }

    private OptimizerDefinition Lookup(string role) =>
        _stage.GetValueOrDefault(role) ?? _experiment.GetValueOrDefault(role)
        ?? _stage.GetValueOrDefault(DefaultRole) ?? _experiment.GetValueOrDefault(DefaultRole)
        ?? new OptimizerDefinition();

    public void Dispose()
    {
        foreach (var (_, optimizer) in _created)
        {
            optimizer.Dispose();
        }

        _created.Clear();
    }
}
