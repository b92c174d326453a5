using Gan.Abstractions;

namespace Gan.Engine.Components;

/// <summary>The component contracts experiments can name, with the words used for them in messages.</summary>
public static class ComponentKinds
{
    /// <summary>Every contract a YAML section can select, in the order the plugins command lists them.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(IDataSource), typeof(IGenerator), typeof(IDiscriminator), typeof(ILossStrategy),
        typeof(ITrainer), typeof(IMetric), typeof(ISampleRenderer),
    ];

    /// <summary>"data source", "generator", ... for <paramref name="contract"/>.</summary>
    public static string Describe(Type contract) => contract.Name switch
    {
        nameof(IDataSource) => "data source",
        nameof(IGenerator) => "generator",
        nameof(IDiscriminator) => "discriminator",
        nameof(ILossStrategy) => "loss",
        nameof(ITrainer) => "trainer",
        nameof(IMetric) => "metric",
        nameof(ISampleRenderer) => "sample renderer",
        _ => contract.Name,
    };
}
