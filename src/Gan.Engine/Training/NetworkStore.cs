using Gan.Abstractions;
using Gan.Engine.Components;
using TorchSharp;

namespace Gan.Engine.Training;

/// <summary>The experiment's networks, created on first request and kept across stages.</summary>
internal sealed class NetworkStore : INetworkStore, IDisposable
{
    private readonly IReadOnlyDictionary<string, ResolvedComponent> _model;
    private readonly ComponentContext _context;
    private readonly Dictionary<string, INetwork> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);

    public NetworkStore(IReadOnlyDictionary<string, ResolvedComponent> model, ComponentContext context)
    {
        _model = model;
        _context = context;
    }

    public IReadOnlyDictionary<string, INetwork> Instances => _instances;

    public T Get<T>(string role, string? instance = null) where T : class, INetwork
    {
        var name = instance ?? role;
        if (_instances.TryGetValue(name, out var existing))
        {
            return existing as T ?? throw new InvalidOperationException(
                $"Network '{name}' is a {existing.GetType().Name}, not a {typeof(T).Name}.");
        }

        if (!_model.TryGetValue(role, out var component))
        {
            throw new GanInputException(
                $"The trainer needs a '{role}' network, but the experiment's model: section has " +
                (_model.Count == 0 ? "no entries." : $"only {string.Join(", ", _model.Keys)}.") +
                $" Add model.{role} with a 'type'.");
        }

        var network = component.Create<T>(_context);
        if (component.InitFrom is { } initFrom && name == role)
        {
            // Before any checkpoint restore, which (when resuming) overwrites these weights with the run's own.
            Interchange.NetworkWeights.LoadInto(network.Module, initFrom, $"model.{role}.{Experiments.InitFromOption.Key}");
        }

        network.Module.to(_context.Device);
        _instances[name] = network;
        _roles[name] = role;
        return network;
    }

    /// <summary>The <c>model:</c> role instance <paramref name="instance"/> was built from.</summary>
    public string RoleOf(string instance) => _roles.GetValueOrDefault(instance, instance);

    /// <summary>The resolved component of <paramref name="role"/>, if the experiment has it.</summary>
    public Components.ResolvedComponent? ComponentOf(string role) => _model.GetValueOrDefault(role);

    /// <summary>Switches every network to training (true) or evaluation (false) mode.</summary>
    public void SetTraining(bool training)
    {
        foreach (var network in _instances.Values)
        {
            network.Module.train(training);
        }
    }

    public void Dispose()
    {
        foreach (var network in _instances.Values)
        {
            network.Module.Dispose();
        }

        _instances.Clear();
    }
}
