namespace Gan.Bench.Domains;

/// <summary>
/// Every domain the project ships, as benchmark rows. Step counts are chosen so that one run takes 10-40 s on a
/// 2-core machine: long enough for the warm-up to matter little, short enough for three alternating rounds.
/// </summary>
internal static class DomainCatalog
{
    private const string DataRoot = "data_root={data_root}";

    public static IReadOnlyList<DomainBenchmark> All { get; } =
    [
        new("mnist-mlp", "MNIST MLP GAN (mnist.yaml), batch 64", "experiments/mnist.yaml", "train", "mnist_gan.py", null,
            Steps: 2000, Threads: 2, WarmupSteps: 500, SampleEvery: 250,
            // Every step's five values tracked, as the target "tracking of every step included" asks.
            [DataRoot, "data.download=false", "stages.0.log_every=1"], HasBareLoop: true),
        new("dcgan", "DCGAN on MNIST (dcgan-mnist.yaml), batch 64", "experiments/dcgan-mnist.yaml", "train", "dcgan_mnist.py", null,
            Steps: 60, Threads: 2, WarmupSteps: 20, SampleEvery: 10,
            [DataRoot, "data.download=false"]),
        new("musegan", "MuseGAN 5 tracks (musegan.yaml), batch 64, WGAN-GP", "experiments/musegan.yaml", "train", "musegan.py", "musegan",
            Steps: 12, Threads: 2, WarmupSteps: 4, SampleEvery: 2,
            [DataRoot]),
        new("musegan-small", "MuseGAN piano (musegan-small.yaml), batch 16, WGAN-GP", "experiments/musegan-small.yaml", "train", "musegan.py", "musegan-small",
            // 600 steps: the first ~150 create oneDNN's primitives and JIT kernels, which a shorter run mostly measures.
            Steps: 600, Threads: 2, WarmupSteps: 100, SampleEvery: 50,
            [DataRoot]),
        new("sine-predictor", "LSTM predictor (sine-lstm.yaml, stage predictor)", "experiments/sine-lstm.yaml", "predictor", "sine_lstm.py", "predictor",
            Steps: 1200, Threads: 2, WarmupSteps: 200, SampleEvery: 100,
            []),
        new("sine-gan", "Recurrent GAN (sine-lstm.yaml, stage gan), batch 32", "experiments/sine-lstm.yaml", "gan", "sine_lstm.py", "gan",
            Steps: 800, Threads: 2, WarmupSteps: 200, SampleEvery: 100,
            []),
        // qa-text.yaml sets threads: 1 (small GRU matrices); both sides use it.
        new("qa-mle", "QA seq2seq MLE step (qa-text.yaml, pretrain-generator)", "experiments/qa-text.yaml", "pretrain-generator", "qa_text.py", "mle",
            Steps: 200, Threads: 1, WarmupSteps: 50, SampleEvery: 25,
            []),
        new("qa-discriminator", "QA pair discriminator step (qa-text.yaml, pretrain-discriminator)", "experiments/qa-text.yaml", "pretrain-discriminator", "qa_text.py", "discriminator",
            Steps: 200, Threads: 1, WarmupSteps: 50, SampleEvery: 25,
            []),
        new("qa-seqgan", "QA policy-gradient step (qa-text.yaml, adversarial)", "experiments/qa-text.yaml", "adversarial", "qa_text.py", "seqgan",
            Steps: 150, Threads: 1, WarmupSteps: 50, SampleEvery: 25,
            []),
    ];

    /// <summary>
    /// The other shipped experiments, timed to their first step only. <c>experiments/cyclegan.yaml</c> is left out: it
    /// downloads a named dataset, and nothing here reaches the network.
    /// </summary>
    public static IReadOnlyList<StartupExperiment> StartupOnly { get; } =
    [
        new("experiments/sunspots-lstm.yaml", [DataRoot]),
        new("experiments/qa-text-squad.yaml", [DataRoot]),
        // Decodes its PNGs at start-up; the generated shapes stand in for a downloaded dataset.
        new("experiments/cyclegan-small.yaml", ["data_root={generated_root}"], GeneratedDataset: "shapes"),
    ];

    /// <summary>The rows named, in the catalogue's order; throws naming an unknown one.</summary>
    public static IReadOnlyList<DomainBenchmark> Select(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0 || names.Contains("all"))
        {
            return All;
        }

        if (names.FirstOrDefault(n => All.All(d => d.Name != n)) is { } unknown)
        {
            throw new ArgumentException($"Unknown domain '{unknown}': use {string.Join(", ", All.Select(d => d.Name))} or all.");
        }

        return All.Where(d => names.Contains(d.Name)).ToList();
    }

    /// <summary>The row called <paramref name="name"/>.</summary>
    public static DomainBenchmark Get(string name) => Select([name])[0];
}
