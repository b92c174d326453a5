using Gan.Abstractions;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace Gan.Engine.Checkpoints;

/// <summary>
/// The components of one stage whose own state goes into its checkpoints (<see cref="IStatefulComponent"/>), each
/// under a slot name: <c>trainer</c>, <c>loss</c>, <c>metric{i}:{Type}</c>, <c>renderer{i}:{Type}</c>,
/// <c>callback{i}:{Type}</c>. Values go to
/// <c>state.json</c>, tensors to <see cref="StateTensorFile"/> as <c>{slot}/{key}</c>.
/// </summary>
internal sealed class StatefulComponents
{
    public const string TrainerSlot = "trainer";
    private readonly List<(string Slot, object Component)> _components;

    private StatefulComponents(List<(string Slot, object Component)> components) => _components = components;

    public static StatefulComponents None { get; } = new([]);

    public static StatefulComponents Of(
        ITrainer trainer, ILossStrategy? loss, IReadOnlyList<IMetric> metrics, IReadOnlyList<ISampleRenderer> renderers,
        IReadOnlyList<IStageCallback>? callbacks = null)
    {
        var components = new List<(string, object)> { (TrainerSlot, trainer) };
        if (loss is not null)
        {
            components.Add(("loss", loss));
        }

        components.AddRange(metrics.Select((metric, i) => ($"metric{i}:{metric.GetType().Name}", (object)metric)));
        components.AddRange(renderers.Select((renderer, i) => ($"renderer{i}:{renderer.GetType().Name}", (object)renderer)));
        // Only callbacks that keep state: the engine's own keep none, and slots of stateless ones would only shift.
        components.AddRange((callbacks ?? []).OfType<IStatefulComponent>().Select((callback, i) => ($"callback{i}:{callback.GetType().Name}", (object)callback)));
        return new StatefulComponents(components);
    }

    /// <summary>Saves every stateful component into <paramref name="manifest"/>; returns the tensors to write (owned by the caller).</summary>
    public List<KeyValuePair<string, Tensor>> Save(CheckpointManifest manifest)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (slot, component) in _components)
        {
            if (component is not IStatefulComponent stateful)
            {
                continue;
            }

            var state = new ComponentState(slot);
            stateful.SaveState(state);
            // Recorded even when empty, so that resume can tell "saved nothing" from "written before this component had state".
            manifest.ComponentState[slot] = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);

            // The tensors leave the state object: the caller writes and then disposes them.
            tensors.AddRange(state.Tensors.Select(kv => KeyValuePair.Create($"{slot}/{kv.Key}", kv.Value)));
        }

        return tensors;
    }

    /// <summary>Restores every stateful component from the checkpoint in <paramref name="folder"/>.</summary>
    public void Load(CheckpointManifest manifest, string folder, ILogger logger)
    {
        var tensorFile = Path.Combine(folder, StateTensorFile.FileName);
        var tensors = File.Exists(tensorFile) ? StateTensorFile.Read(tensorFile) : [];
        try
        {
            foreach (var (slot, component) in _components)
            {
                var recorded = manifest.ComponentState.ContainsKey(slot) || (slot == TrainerSlot && manifest.ComponentState.Count == 0);
                LoadOne(new SavedSlot(slot, recorded, SavedValues(manifest, slot), SavedTensors(tensors, slot)), component, folder, logger);
            }
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }

            tensors.Clear();
        }
    }

    private static void LoadOne(SavedSlot saved, object component, string folder, ILogger logger)
    {
        var (slot, recorded, values, tensors) = saved;
        if (component is not IStatefulComponent stateful)
        {
            if (values.Count > 0 || tensors.Count > 0)
            {
                throw new GanInputException(
                    $"Cannot resume from {folder}: it holds state of {slot} ({string.Join(", ", values.Keys.Concat(tensors.Keys))}), " +
                    $"but {component.GetType().Name} cannot load it (was the experiment's component changed?).");
            }

            return;
        }

        if (!recorded)
        {
            logger.LogWarning("The checkpoint in {Folder} holds no state of {Slot} ({Type}), written by an older version: it starts afresh, " +
                "so the resumed run will not match an uninterrupted one exactly.", folder, slot, component.GetType().Name);
            return;
        }

        // The state object owns (and disposes) its tensors: it gets copies, the caller disposes the file's.
        using var state = new ComponentState(slot, values, tensors.ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope(), StringComparer.Ordinal));
        stateful.LoadState(state);
    }

    private static IReadOnlyDictionary<string, string> SavedValues(CheckpointManifest manifest, string slot) =>
        manifest.ComponentState.TryGetValue(slot, out var values) ? values
        : slot == TrainerSlot ? manifest.TrainerState // checkpoints written before contracts 1.1
        : new Dictionary<string, string>();

    private static Dictionary<string, Tensor> SavedTensors(Dictionary<string, Tensor> all, string slot) =>
        all.Where(kv => kv.Key.StartsWith(slot + "/", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[(slot.Length + 1)..], kv => kv.Value, StringComparer.Ordinal);

    /// <summary>What a checkpoint holds for one slot.</summary>
    /// <param name="Slot">The slot's name.</param>
    /// <param name="Recorded">
    /// Whether the checkpoint recorded this slot; a trainer's slot counts as recorded in checkpoints written before
    /// contracts 1.1, whose trainer state (possibly empty) is in <see cref="CheckpointManifest.TrainerState"/>.
    /// </param>
    /// <param name="Values">The slot's values.</param>
    /// <param name="Tensors">The slot's tensors (owned by the caller).</param>
    private sealed record SavedSlot(string Slot, bool Recorded, IReadOnlyDictionary<string, string> Values, Dictionary<string, Tensor> Tensors);
}
