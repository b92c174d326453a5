using System.Reflection;
using Gan.Abstractions;
using Gan.Engine.Interchange;
using Gan.Engine.Tests.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Interchange;

/// <summary>Export then import gives back exactly the weights, for every network type the bundled plugins register.</summary>
public sealed class WeightRoundTripTests
{
    /// <summary>Every plugin of the repository: the host's plugin folder (this test project bundles only MNIST).</summary>
    private static readonly string AllPlugins = Path.Combine(Path.GetDirectoryName(GanProcess.Executable)!, "plugins");

    public static TheoryData<string, string> Networks()
    {
        using var engine = GanEngine.Create([AllPlugins]);
        var data = new TheoryData<string, string>();
        foreach (var (registration, _) in engine.Catalog.Components.Where(c => c.Registration.Contract == typeof(IGenerator) || c.Registration.Contract == typeof(IDiscriminator)))
        {
            data.Add(registration.Contract.Name, registration.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Safetensors_and_pytorch_files_load_back_bit_for_bit(string contract, string component)
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([AllPlugins]);
        var registration = engine.Catalog.Components.Single(c => c.Registration.Contract.Name == contract && c.Registration.Name == component).Registration;
        var context = new ComponentContext(CPU, 1, temp.Path, temp.Combine("cache"), NullLoggerFactory.Instance, NullProgressReporter.Instance,
            new ServiceCollection().BuildServiceProvider());

        manual_seed(1);
        using var original = Create(registration, context);
        foreach (var format in new[] { WeightFormat.Safetensors, WeightFormat.PyTorch })
        {
            var file = temp.Combine(component + NetworkWeights.Extension(format));
            NetworkWeights.Save(original, file, format);
            Assert.Equal(format, NetworkWeights.Detect(file));
            manual_seed(2); // different initial weights, so a load that did nothing would be caught
            using var loaded = Create(registration, context);
            NetworkWeights.LoadInto(loaded, file, "test");

            var expected = original.state_dict();
            var actual = loaded.state_dict();
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (name, tensor) in expected)
            {
                Assert.True(tensor.allclose(actual[name], rtol: 0, atol: 0), $"{component} {name} differs after a {format} round trip");
            }
        }
    }

    [Fact]
    public void A_file_of_another_network_is_refused_naming_the_first_key_that_does_not_fit()
    {
        using var temp = new TemporaryDirectory();
        using var engine = GanEngine.Create([AllPlugins]);
        var context = new ComponentContext(CPU, 1, temp.Path, temp.Combine("cache"), NullLoggerFactory.Instance, NullProgressReporter.Instance,
            new ServiceCollection().BuildServiceProvider());
        var generator = engine.Catalog.Components.Single(c => c.Registration.Contract == typeof(IGenerator) && c.Registration.Name == "mnist-mlp").Registration;
        var discriminator = engine.Catalog.Components.Single(c => c.Registration.Contract == typeof(IDiscriminator) && c.Registration.Name == "mnist-mlp").Registration;
        using var source = Create(discriminator, context);
        var file = temp.Combine("d.pth");
        NetworkWeights.Save(source, file, WeightFormat.PyTorch);
        using var target = Create(generator, context);

        var error = Assert.Throws<GanInputException>(() => NetworkWeights.LoadInto(target, file, "model.generator.init_from"));

        Assert.StartsWith($"model.generator.init_from: {file}: key 'model.0.weight' has shape [512, 784] in the file but [256, 100] in the network", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A network with its default options; sizes the data would decide (vocabularies) get a small value.</summary>
    private static nn.Module Create(ComponentRegistration registration, ComponentContext context)
    {
        var options = Activator.CreateInstance(registration.OptionsType)!;
        foreach (var property in registration.OptionsType.GetProperties().Where(p => p.GetCustomAttribute<FromDataAttribute>() is not null && p.PropertyType == typeof(int)))
        {
            if ((int)property.GetValue(options)! == 0)
            {
                property.SetValue(options, 40);
            }
        }

        return ((INetwork)registration.Factory(context, options)).Module;
    }
}
