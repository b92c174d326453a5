using Gan.Abstractions;

namespace Gan.Engine.Training;

/// <summary>The experiment's components a stage trains with; built once per run and shared by its stages.</summary>
internal sealed record StageComponents(
    ComponentContext Context,
    NetworkStore Networks,
    IDataSource Data,
    ILossStrategy? Loss,
    IReadOnlyList<IMetric> Metrics,
    IReadOnlyList<ISampleRenderer> Samplers)
{
    /// <summary>Signalled when the user stops the run.</summary>
    public CancellationToken CancellationToken { get; init; }
}
