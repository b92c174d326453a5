using Gan.Engine;
using Gan.Engine.Training;
using Gan.Tracking;

namespace Gan.Plugins.Text.Tests;

/// <summary>The three-stage experiment end to end, with the plugin loaded from its folder as the host loads it.</summary>
[Collection(TorchCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MultiStageRunTests
{
    private static string Experiment(string folder) => $"""
        name: qa-text-tiny
        seed: 3
        device: cpu
        threads: 1
        data_root: {folder}
        data:
          type: qa-pairs
          path: qa.tsv
          batch_size: 8
          validation_fraction: 0.2
          max_vocab: 64
        model:
          generator:
            type: seq2seq-attention
            vocab_size: 64
            embedding_dim: 8
            hidden_dim: 16
            max_answer_length: 8
          discriminator:
            type: qa-pair-gru
            vocab_size: 64
            embedding_dim: 8
            hidden_dim: 8
        loss: minimax
        optimizers:
          default:
            type: adam
            lr: 0.01
        metrics:
          - type: qa-text-metrics
        samples:
          - type: qa-answers
            count: 3
            decoding: beam
            beam_size: 2
        stages:
          - name: pretrain-generator
            trainer: seq2seq-mle
            steps: 3
          - name: pretrain-discriminator
            trainer: pair-discriminator
            steps: 2
          - name: adversarial
            trainer:
              type: seqgan
              mle_weight: 0.5
            steps: 2
        tracking:
          uri: {Path.Combine(folder, "mlruns")}
        checkpoints:
          directory: {Path.Combine(folder, "checkpoints")}
        """;

    [Fact]
    public async Task Three_stages_train_log_bleu_per_stage_and_the_answer_command_uses_the_result()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("qa.tsv", TestData.Tsv());
        var experimentPath = folder.WriteFile("qa-text-tiny.yaml", Experiment(folder.Path));
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var outcome = await engine.RunAsync(experimentPath);

        Assert.True(outcome.Status == RunStatus.Finished, outcome.Message);
        Assert.Equal([3L, 2L, 2L], outcome.Stages.Select(s => s.Steps));
        var final = Path.Combine(folder.Path, "checkpoints", outcome.RunId, "adversarial", "final");
        Assert.True(File.Exists(Path.Combine(final, "generator.tsmodel")));
        Assert.True(File.Exists(Path.Combine(final, "discriminator.tsmodel")));

        var mlruns = Path.Combine(folder.Path, "mlruns");
        var bleuFiles = Directory.GetFiles(mlruns, "val_bleu4", SearchOption.AllDirectories);
        Assert.Equal(3, bleuFiles.Length);
        Assert.Contains(Directory.GetFiles(mlruns, "answers_step*.txt", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("reference: ", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(mlruns, "vocab.txt", SearchOption.AllDirectories));
        Assert.NotEmpty(Directory.GetFiles(mlruns, "pg_loss", SearchOption.AllDirectories));

        // gan answer, as the host runs it: the tool the loaded plugin registered, questions on standard input.
        var output = new StringWriter();
        var input = new StringReader("What is the capital of France?\n\nWhere is Lima?\n");
        var exit = await engine.RunToolAsync("answer", ["--run", outcome.RunId, "--beam", "2"], input, output,
            engine.Models(Path.Combine(folder.Path, "checkpoints")));

        Assert.Equal(0, exit);
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Network_smaller_than_the_vocabulary_fails_with_a_message_naming_the_option()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("qa.tsv", TestData.Tsv());
        var experimentPath = folder.WriteFile("small.yaml", Experiment(folder.Path).Replace("    vocab_size: 64\n    embedding_dim: 8\n    hidden_dim: 16", "    vocab_size: 10\n    embedding_dim: 8\n    hidden_dim: 16", StringComparison.Ordinal));
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var outcome = await engine.RunAsync(experimentPath);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("model.generator.vocab_size is 10", outcome.Message);
    }
}
