namespace Gan.Bench.Domains;

/// <summary>
/// An experiment file whose launch-to-first-step time the table reports although no row times its steps (other data,
/// same networks as a row, or a domain with its own benchmark).
/// </summary>
/// <param name="Experiment">The experiment file, relative to the repository root.</param>
/// <param name="Overrides">Settings the launch changes (<c>{data_root}</c>: the benchmark's data folder;
/// <c>{generated_root}</c>: a folder under the cache where generated datasets are written).</param>
/// <param name="GeneratedDataset">A <c>gan make-shapes-dataset</c> folder, relative to <c>{generated_root}</c>, written first when missing.</param>
internal sealed record StartupExperiment(string Experiment, IReadOnlyList<string> Overrides, string? GeneratedDataset = null)
{
    /// <summary>The experiment file's full path.</summary>
    public string ExperimentPath => Path.Combine(RepositoryLayout.Root, Experiment);
}
