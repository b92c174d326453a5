using Gan.Abstractions;
using Gan.Engine.Checkpoints;
using Gan.Engine.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>The state contract's round trip through a checkpoint's files, and its errors.</summary>
public sealed class ComponentStateTests
{
    [Fact]
    public void Values_and_tensors_come_back_bit_identical_through_the_manifest_and_the_tensor_file()
    {
        using var temp = new TemporaryDirectory();
        var trainer = new CountingTrainer { Baseline = 0.1 + 0.2, Seen = 42, RandomState = ulong.MaxValue - 7 };
        trainer.Pool.Add(arange(6, dtype: ScalarType.Float32).reshape(2, 3).DetachFromDisposeScope());
        trainer.Pool.Add(tensor(new long[] { -1, long.MaxValue }).DetachFromDisposeScope());
        var manifest = new CheckpointManifest();

        Save(StatefulComponents.Of(trainer, null, [], []), manifest, temp.Path);
        var path = temp.Combine("state.json");
        File.WriteAllText(path, manifest.ToJson());
        var restored = new CountingTrainer();
        StatefulComponents.Of(restored, null, [], []).Load(CheckpointManifest.Read(path), temp.Path, NullLogger.Instance);

        Assert.Equal(BitConverter.DoubleToInt64Bits(0.1 + 0.2), BitConverter.DoubleToInt64Bits(restored.Baseline));
        Assert.Equal(42, restored.Seen);
        Assert.Equal(ulong.MaxValue - 7, restored.RandomState);
        Assert.Equal(2, restored.Pool.Count);
        Assert.Equal([2L, 3L], restored.Pool[0].shape);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, restored.Pool[0].data<float>().ToArray());
        Assert.Equal(new long[] { -1, long.MaxValue }, restored.Pool[1].data<long>().ToArray());
    }

    [Fact]
    public void A_checkpoint_from_before_contracts_1_1_restores_the_trainer_from_its_trainer_state()
    {
        using var temp = new TemporaryDirectory();
        var manifest = new CheckpointManifest { TrainerState = { ["seen"] = "7", ["baseline"] = "0.5", ["random"] = "3", ["pool"] = "0" } };
        var trainer = new CountingTrainer();

        StatefulComponents.Of(trainer, null, [], []).Load(manifest, temp.Path, NullLogger.Instance);

        Assert.Equal(7, trainer.Seen);
        Assert.Equal(0.5, trainer.Baseline);
    }

    [Fact]
    public void State_saved_for_a_component_that_cannot_load_it_is_refused_naming_the_slot()
    {
        using var temp = new TemporaryDirectory();
        var manifest = new CheckpointManifest();
        manifest.ComponentState["trainer"] = new Dictionary<string, string> { ["seen"] = "7" };

        var error = Assert.Throws<GanInputException>(() =>
            StatefulComponents.Of(new StatelessTrainer(), null, [], []).Load(manifest, temp.Path, NullLogger.Instance));

        Assert.Contains("state of trainer (seen)", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StatelessTrainer), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_names_the_component_the_key_and_the_keys_saved()
    {
        using var state = new ComponentState("metric0:Fid", new Dictionary<string, string> { ["a"] = "1" }, new Dictionary<string, Tensor>());

        var error = Assert.Throws<GanInputException>(() => state.GetDouble("b"));

        Assert.Contains("metric0:Fid has no 'b' (saved keys: a)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_tensor_file_names_the_file()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine(StateTensorFile.FileName);
        File.WriteAllBytes(path, [9, 1, 2]);

        var error = Assert.Throws<GanInputException>(() => StateTensorFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void Save(StatefulComponents components, CheckpointManifest manifest, string folder)
    {
        var tensors = components.Save(manifest);
        using (var stream = File.Create(Path.Combine(folder, StateTensorFile.FileName)))
        {
            StateTensorFile.Write(stream, tensors);
        }

        foreach (var (_, tensor) in tensors)
        {
            tensor.Dispose();
        }
    }

    private sealed class CountingTrainer : ITrainer, IStatefulComponent
    {
        public double Baseline { get; set; }

        public long Seen { get; set; }

        public ulong RandomState { get; set; }

        public List<Tensor> Pool { get; } = [];

        public void Initialize(ITrainingContext context)
        {
        }

        public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context) => new Dictionary<string, double>();

        public void SaveState(ComponentState state)
        {
            state.Set("baseline", Baseline);
            state.Set("seen", Seen);
            state.Set("random", RandomState);
            state.Set("pool", (long)Pool.Count);
            for (var i = 0; i < Pool.Count; i++)
            {
                state.SetTensor($"pool/{i}", Pool[i]);
            }
        }

        public void LoadState(ComponentState state)
        {
            Baseline = state.GetDouble("baseline");
            Seen = state.GetInt64("seen");
            RandomState = state.GetUInt64("random");
            for (var i = 0; i < state.GetInt64("pool"); i++)
            {
                Pool.Add(state.GetTensor($"pool/{i}").clone().DetachFromDisposeScope());
            }
        }
    }

    private sealed class StatelessTrainer : ITrainer
    {
        public void Initialize(ITrainingContext context)
        {
        }

        public IReadOnlyDictionary<string, double> Step(Batch batch, ITrainingContext context) => new Dictionary<string, double>();
    }
}
