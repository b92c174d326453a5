using Gan.Configuration;

namespace Gan.Engine.Tests.Experiments;

/// <summary>
/// experiments/compare/*.yaml state only what differs from their shared base (<c>extends:</c>); each must still
/// resolve to exactly the experiment it was when it was written out in full (those files are kept in compare-full/).
/// Both are resolved by the current engine, so options added later appear on both sides alike.
/// </summary>
public sealed class CompareExperimentsTests
{
    private static readonly string CompareFolder = Path.Combine(RepositoryPaths.Root, "experiments", "compare");

    [Theory]
    [InlineData("mlp-minimax")]
    [InlineData("mlp-lsgan")]
    [InlineData("mlp-wgan-gp")]
    [InlineData("dcgan-minimax")]
    public void Composed_comparison_experiment_resolves_as_the_full_file_did(string name)
    {
        using var engine = GanEngine.Create([GanEngine.BundledPlugins]);

        var composed = engine.Loader.Load(Path.Combine(CompareFolder, name + ".yaml"), []);
        var full = engine.Loader.Load(Path.Combine(RepositoryPaths.Root, "tests", "Gan.Engine.Tests", "Experiments", "compare-full", name + ".yaml"), []);

        // The resolved form holds no absolute path (data_root is written as given), so the text compares as is.
        Assert.Equal(ConfigWriter.Serialize(full.ToResolvedYaml()), ConfigWriter.Serialize(composed.ToResolvedYaml()));
    }

    [Fact]
    public void Only_the_runnable_members_sit_in_the_compare_folder()
    {
        // 'for f in experiments/compare/*.yaml; do gan run $f; done' must not pick up the base.
        var members = Directory.GetFiles(CompareFolder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(["dcgan-minimax", "mlp-lsgan", "mlp-minimax", "mlp-wgan-gp"], members);
    }
}
