using System.ComponentModel;
using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Sequences.Tests;

public sealed class PluginTests
{
    private static List<ComponentRegistration> Registrations()
    {
        var services = new ServiceCollection();
        new SequencesPlugin().Configure(services);
        return services.BuildServiceProvider().GetServices<ComponentRegistration>().ToList();
    }

    [Fact]
    public void Plugin_registers_sources_networks_trainer_metrics_and_renderers()
    {
        var names = Registrations().Select(r => $"{r.Contract.Name}:{r.Name}").ToList();

        Assert.Equal(
            [
                "IDataSource:sine", "IDataSource:csv-series", "IGenerator:lstm-predictor", "IGenerator:lstm", "IDiscriminator:lstm",
                "ITrainer:predictor", "IMetric:prediction-mse", "IMetric:sequence-distribution",
                "ISampleRenderer:prediction-plot", "ISampleRenderer:sequence-plot",
            ],
            names);
    }

    [Fact]
    public void Every_option_property_has_a_description()
    {
        var undocumented = Registrations().Select(r => r.OptionsType)
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttributes(typeof(DescriptionAttribute), false).Length == 0)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(undocumented);
    }
}
