using Gan.Abstractions;
using Gan.Configuration;
using Gan.Plugins.CycleGan;
using Gan.Plugins.Midi;
using Gan.Plugins.Mnist;
using Gan.Plugins.Sequences;
using Gan.Tests.Shared;
using Gan.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using YamlDotNet.RepresentationModel;

namespace Gan.Bench.Parity;

/// <summary>
/// Builds a fixture's network the way an experiment does: the component registered under its name by the plugin,
/// options bound from options.json by the experiment binder (JSON is YAML), so the option names are the YAML's too.
/// </summary>
internal sealed class ParityComponents
{
    private readonly IReadOnlyList<ComponentRegistration> _registrations;
    private readonly ComponentContext _context;

    public ParityComponents(int seed)
    {
        var services = new ServiceCollection();
        IGanPlugin[] plugins = [new CycleGanPlugin(), new MnistPlugin(), new SequencesPlugin(), new MidiPlugin()];
        foreach (var plugin in plugins)
        {
            plugin.Configure(services);
        }

        _registrations = [.. services.Where(d => d.ServiceType == typeof(ComponentRegistration)).Select(d => (ComponentRegistration)d.ImplementationInstance!)];
        var folder = Path.Combine(Path.GetTempPath(), "gan-parity");
        _context = new ComponentContext(torch.CPU, seed, folder, folder, NullLoggerFactory.Instance, NullProgressReporter.Instance, services.BuildServiceProvider());
    }

    /// <summary>The network of <paramref name="fixture"/> with the forward the engine calls for its role.</summary>
    public (INetwork Network, Func<torch.Tensor, torch.Tensor> Forward) Build(ParityFixture fixture)
    {
        var contract = fixture.Role == "discriminator" ? typeof(IDiscriminator) : typeof(IGenerator);
        var registration = _registrations.FirstOrDefault(r => r.Contract == contract && r.Name == fixture.Component)
            ?? throw new InvalidOperationException($"{fixture.Folder}: no {fixture.Role} component named '{fixture.Component}' is registered.");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(fixture.OptionsText));
        var binding = new BindingContext();
        var options = ConfigBinder.Bind(registration.OptionsType, yaml.Documents[0].RootNode, $"{fixture.Network}.options", binding)!;
        if (binding.HasErrors)
        {
            throw new InvalidOperationException($"{fixture.Folder}/options.json: {string.Join("; ", binding.Errors.Select(e => e.ToString()))}");
        }

        return registration.Factory(_context, options) switch
        {
            IDiscriminator discriminator => (discriminator, discriminator.Score),
            IGenerator generator => (generator, generator.Generate),
            var other => throw new InvalidOperationException($"'{fixture.Component}' built a {other.GetType().Name}, not a network."),
        };
    }
}
