using Gan.Engine.Checkpoints;
using Gan.Toolkit;
using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Checkpoints;

public sealed class AtomicCheckpointTests
{
    [Fact]
    public void Crash_while_writing_a_checkpoint_leaves_the_previous_one_as_latest()
    {
        using var temp = new TemporaryDirectory();
        var store = new CheckpointStore(temp.Combine("resume"));
        var first = store.Write(Manifest(step: 10), folder => File.WriteAllBytes(Path.Combine(folder, "generator.pt"), [1, 2, 3]));

        // The process "dies" half-way through the second checkpoint's weights.
        var crash = Assert.Throws<IOException>(() => store.Write(Manifest(step: 20), folder =>
        {
            using var file = File.Create(Path.Combine(folder, "generator.pt"));
            file.Write(new byte[100]);
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("disk full (simulated)", crash.Message);
        Assert.Equal(first, store.Latest());
        Assert.Equal(10, CheckpointStore.ReadManifest(store.Latest()!).Position.Step);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(store.Latest()!, "generator.pt")));
        Assert.Single(store.List());
        Assert.Empty(Directory.GetDirectories(store.Folder, AtomicFile.TemporaryPrefix + "*"));
    }

    [Fact]
    public void Checkpoint_folder_without_manifest_is_never_taken_as_latest()
    {
        using var temp = new TemporaryDirectory();
        var store = new CheckpointStore(temp.Combine("resume"));
        var complete = store.Write(Manifest(step: 5), _ => { });
        // A crash after the folder appeared but before its manifest (or an old writer's half folder).
        Directory.CreateDirectory(Path.Combine(store.Folder, "stage00-step000000099"));
        File.Delete(Path.Combine(store.Folder, CheckpointStore.LatestFile));

        Assert.Equal(complete, store.Latest());
    }

    [Fact]
    public void Pruning_keeps_the_last_k_and_the_best_by_metric()
    {
        using var temp = new TemporaryDirectory();
        var store = new CheckpointStore(temp.Combine("resume"));
        var losses = new[] { 0.9, 0.2, 0.8, 0.7, 0.6 };
        for (var i = 0; i < losses.Length; i++)
        {
            var manifest = Manifest(step: (i + 1) * 10);
            manifest.Metrics["d_loss"] = losses[i];
            store.Write(manifest, _ => { });
            store.Prune(keep: 2, "d_loss", MetricGoal.Min);
        }

        Assert.Equal([20, 40, 50], store.List().Select(f => CheckpointStore.ReadManifest(f).Position.Step));
        Assert.Equal(20, CheckpointStore.ReadManifest(store.Best("d_loss", MetricGoal.Min)!).Position.Step);
    }

    private static CheckpointManifest Manifest(long step) => new()
    {
        Experiment = "atomic",
        RunId = "run",
        Position = new TrainingPosition(0, 0, step, step),
        CreatedUtc = DateTimeOffset.UtcNow,
    };
}
