namespace Gan.Engine.Experiments;

/// <summary>The optimisers the engine can build.</summary>
public enum OptimizerKind
{
    Adam,
    AdamW,
    Sgd,
    RmsProp,
}
