namespace Gan.Bench.Domains;

/// <summary>
/// One row of the all-domains table: a stage of one of the project's experiment files, run by the real engine, and
/// the PyTorch script that does the same model and step.
/// </summary>
/// <param name="Name">The row's name on the command line (<c>--domains</c>).</param>
/// <param name="Title">What the row measures, for the table.</param>
/// <param name="Experiment">The experiment file, relative to the repository root.</param>
/// <param name="Stage">The name of the stage that is timed; the experiment's other stages are left out.</param>
/// <param name="PeerScript">The PyTorch peer, relative to bench/pytorch.</param>
/// <param name="PeerVariant">The peer's <c>--variant</c>, when the script mirrors several stages or files.</param>
/// <param name="Steps">Steps timed per run on each side.</param>
/// <param name="Threads">torch threads on both sides: the experiment's own setting, or 2 (the machine's cores).</param>
/// <param name="WarmupSteps">Steps before the first resident-memory sample.</param>
/// <param name="SampleEvery">Steps between resident-memory samples.</param>
/// <param name="Overrides">Settings of the experiment the engine side changes besides steps, threads and recording
/// (<c>{data_root}</c> stands for the benchmark's data folder).</param>
/// <param name="HasBareLoop">Whether a bare TorchSharp loop of the same step exists (the MNIST MLP GAN).</param>
internal sealed record DomainBenchmark(
    string Name,
    string Title,
    string Experiment,
    string Stage,
    string PeerScript,
    string? PeerVariant,
    long Steps,
    int Threads,
    long WarmupSteps,
    long SampleEvery,
    IReadOnlyList<string> Overrides,
    bool HasBareLoop = false)
{
    /// <summary>The experiment file's full path.</summary>
    public string ExperimentPath => Path.Combine(RepositoryLayout.Root, Experiment);

    /// <summary>The peer script's full path.</summary>
    public string PeerPath => Path.Combine(RepositoryLayout.Root, "bench", "pytorch", PeerScript);
}
