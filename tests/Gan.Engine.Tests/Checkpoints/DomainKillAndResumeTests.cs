using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Checkpoints;

/// <summary>
/// Exact resume after SIGKILL for every domain's own trainer, on its shipped experiment shrunk to seconds: CycleGAN
/// (image pools and the learning-rate schedule), the QA text experiment killed inside its SeqGAN stage (reward
/// baseline), the sine experiment killed inside its GAN stage, and the small MuseGAN (WGAN-GP, 5 critic steps).
/// </summary>
[Collection(InProcessTrainingCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DomainKillAndResumeTests
{
    [Fact]
    public void Small_cyclegan_killed_mid_run_resumes_to_identical_weights()
    {
        using var temp = new TemporaryDirectory();
        var (exit, output) = GanProcess.Run(temp.Path, "make-shapes-dataset", temp.Combine("shapes"), "--size", "16", "--train", "8", "--test", "2", "--seed", "3");
        Assert.True(exit == 0, output);

        // 4 steps per epoch, 10 epochs: the linear decay starts at epoch 5; pools of 3 fill within two steps.
        KillAndResume.Check(temp, Experiment("cyclegan-small.yaml"),
        [
            $"data_root={temp.Path}", "data.load_size=16", "data.crop_size=16", "data.batch_size=2", "threads=1", "device=cpu",
            "model.generator.ngf=4", "model.discriminator.ndf=4", "samples.0.count=2", "samples.0.scale=1",
            "stages.0.epochs=10", "schedulers.default.start=4", "schedulers.default.end=10", "stages.0.trainer.pool_size=3",
            "checkpoints.every_steps=3",
        ], killInStage: 0, killAfterStep: 12);
    }

    [Fact]
    public void Qa_text_killed_inside_its_adversarial_stage_resumes_to_identical_weights()
    {
        using var temp = new TemporaryDirectory();

        KillAndResume.Check(temp, Experiment("qa-text.yaml"),
        [
            $"data_root={Path.Combine(RepositoryPaths.Root, "experiments", "data")}", "threads=1", "device=cpu",
            "model.generator.embedding_dim=8", "model.generator.hidden_dim=16",
            "model.discriminator.embedding_dim=8", "model.discriminator.hidden_dim=8",
            "stages.0.epochs=1", "stages.1.epochs=1", "stages.2.epochs=4",
            "checkpoints.every_steps=4",
        ], killInStage: 2, killAfterStep: 12);
    }

    [Fact]
    public void Sine_experiment_killed_inside_its_gan_stage_resumes_to_identical_weights()
    {
        using var temp = new TemporaryDirectory();

        KillAndResume.Check(temp, Experiment("sine-lstm.yaml"),
        [
            "threads=1", "device=cpu", "data.count=64", "data.validation_count=32", "data.sequence_length=16", "data.batch_size=16",
            "model.predictor.hidden_size=8", "model.generator.sequence_length=16", "model.generator.hidden_size=8",
            "model.discriminator.hidden_size=8", "metrics.1.count=32",
            "stages.0.epochs=2", "stages.1.epochs=12", "checkpoints.every_steps=4",
        ], killInStage: 1, killAfterStep: 16);
    }

    [Fact]
    public void Small_musegan_killed_mid_run_resumes_to_identical_weights()
    {
        using var temp = new TemporaryDirectory();

        KillAndResume.Check(temp, Experiment("musegan-small.yaml"),
        [
            // A fixed thread count: left to the engine, it follows the cores free at the moment, and a sum split over
            // another number of threads rounds differently, so the two runs would not be bit-equal.
            $"data_root={RepositoryPaths.SharedData}", $"cache_root={temp.Combine("cache")}", "threads=1", "device=cpu", "data.batch_size=4",
            "model.generator.z_dim=4", "model.generator.ngf=2", "model.generator.temporal_hidden=8", "model.discriminator.ndf=2",
            "stages.0.steps=40", "checkpoints.every_steps=5",
        ], killInStage: 0, killAfterStep: 15);
    }

    private static string Experiment(string name) => Path.Combine(RepositoryPaths.Root, "experiments", name);
}
