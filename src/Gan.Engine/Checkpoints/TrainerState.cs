using System.Reflection;
using Gan.Abstractions;

namespace Gan.Engine.Checkpoints;

/// <summary>Saves and restores a trainer's extra state through <see cref="ICheckpointableTrainer"/> or its by-name convention.</summary>
internal static class TrainerState
{
    public static Dictionary<string, string> Save(ITrainer trainer)
    {
        if (trainer is ICheckpointableTrainer checkpointable)
        {
            return new Dictionary<string, string>(checkpointable.SaveTrainingState(), StringComparer.Ordinal);
        }

        var method = trainer.GetType().GetMethod(nameof(ICheckpointableTrainer.SaveTrainingState), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method?.Invoke(trainer, null) is IEnumerable<KeyValuePair<string, string>> values
            ? values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
            : [];
    }

    public static void Load(ITrainer trainer, IReadOnlyDictionary<string, string> state)
    {
        if (trainer is ICheckpointableTrainer checkpointable)
        {
            checkpointable.LoadTrainingState(state);
            return;
        }

        var method = trainer.GetType().GetMethod(nameof(ICheckpointableTrainer.LoadTrainingState), BindingFlags.Public | BindingFlags.Instance,
            [typeof(IReadOnlyDictionary<string, string>)]);
        if (method is not null)
        {
            method.Invoke(trainer, [state]);
        }
        else if (state.Count > 0)
        {
            throw new GanInputException(
                $"The checkpoint holds state of trainer {trainer.GetType().Name} ({string.Join(", ", state.Keys)}), but the trainer cannot load it.");
        }
    }
}
