using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Plugins.Mnist.Tests;

public sealed class MnistPluginTests
{
    [Fact]
    public void Plugin_registers_the_data_source_generator_and_discriminator_with_their_options()
    {
        var services = new ServiceCollection();
        new MnistPlugin().Configure(services);

        var registrations = services.BuildServiceProvider().GetServices<ComponentRegistration>()
            .Select(r => (r.Contract, r.Name, r.OptionsType))
            .ToList();

        Assert.Equal(
            [
                (typeof(IDataSource), "mnist", typeof(MnistDataOptions)),
                (typeof(IGenerator), "mnist-mlp", typeof(MlpGeneratorOptions)),
                (typeof(IDiscriminator), "mnist-mlp", typeof(MlpDiscriminatorOptions)),
                (typeof(IGenerator), "mnist-dcgan", typeof(DcganGeneratorOptions)),
                (typeof(IDiscriminator), "mnist-dcgan", typeof(DcganDiscriminatorOptions)),
                (typeof(IMetric), "mnist-quality", typeof(Gan.Plugins.Mnist.Quality.MnistQualityOptions)),
            ],
            registrations);
    }

    [Fact]
    public void Every_option_property_has_a_description()
    {
        var undocumented = new[] { typeof(MnistDataOptions), typeof(MlpGeneratorOptions), typeof(MlpDiscriminatorOptions) }
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false).Length == 0)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Factories_build_working_components_from_default_options()
    {
        using var folder = new TemporaryDirectory();
        var services = new ServiceCollection();
        new MnistPlugin().Configure(services);
        var context = TestData.Context(folder.Path);

        foreach (var registration in services.BuildServiceProvider().GetServices<ComponentRegistration>())
        {
            var component = registration.Factory(context, Activator.CreateInstance(registration.OptionsType)!);
            Assert.IsType(registration.Contract, component, exactMatch: false);
            (component as IDisposable)?.Dispose();
        }
    }
}
