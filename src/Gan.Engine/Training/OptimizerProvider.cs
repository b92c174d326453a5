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

    public OptimizerProvider(IReadOnlyDictionary<string, OptimizerDefinition> experiment, IReadOnlyDictionary<string, OptimizerDefinition> stage)
    {
        _experiment = experiment;
        _stage = stage;
    }

    /// <summary>The optimisers created in this stage, by role.</summary>
    public IReadOnlyList<(string Role, optim.Optimizer Optimizer)> Created => _created;

    public optim.Optimizer Create(string role, IEnumerable<Parameter> parameters)
    {
        var settings = Lookup(role);
        var beta1 = settings.Betas.ElementAtOrDefault(0);
        var beta2 = settings.Betas.Count > 1 ? settings.Betas[1] : 0.999;
        if (settings.Betas.Count != 2 && settings.Type is OptimizerKind.Adam or OptimizerKind.AdamW)
        {
            throw new GanInputException($"optimizers.{role}.betas must have two values (beta1, beta2); it has {settings.Betas.Count}.");
        }

        optim.Optimizer optimizer = settings.Type switch
        {
            OptimizerKind.Adam => new Optimizers.Adam(parameters, settings.Lr, beta1, beta2, weight_decay: settings.WeightDecay),
            OptimizerKind.AdamW => new Optimizers.AdamW(parameters, settings.Lr, beta1, beta2, weight_decay: settings.WeightDecay),
            OptimizerKind.Sgd => optim.SGD(parameters, settings.Lr, settings.Momentum, weight_decay: settings.WeightDecay),
            OptimizerKind.RmsProp => optim.RMSProp(parameters, settings.Lr, momentum: settings.Momentum, weight_decay: settings.WeightDecay),
            _ => throw new GanInputException($"optimizers.{role}.type '{settings.Type}' is not supported."),
        };
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
