namespace Gan.Configuration.Tests;

public sealed class ConfigCompositionTests
{
    [Fact]
    public void Nested_mappings_merge_key_by_key_and_extends_is_not_in_the_result()
    {
        var values = Compose(
            ("base.yaml", "name: base\ngenerator:\n  latent_dim: 100\n  leaky_slope: 0.2\n"),
            ("e.yaml", "extends: base.yaml\ngenerator:\n  latent_dim: 64\n"));

        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "base",
            ["generator.latent_dim"] = "64",
            ["generator.leaky_slope"] = "0.2",
        }, values);
    }

    [Fact]
    public void Lists_are_replaced_whole_not_concatenated()
    {
        var values = Compose(
            ("base.yaml", "generator: {hidden_sizes: [256, 512, 1024]}\nstages:\n  - {epochs: 1}\n  - {epochs: 5}\n"),
            ("e.yaml", "extends: base.yaml\ngenerator: {hidden_sizes: [128]}\nstages:\n  - {epochs: 2}\n"));

        Assert.Equal("[128]", values["generator.hidden_sizes"]);
        Assert.Equal("2", values["stages.0.epochs"]);
        Assert.DoesNotContain("stages.1.epochs", values.Keys);
    }

    [Fact]
    public void A_tilde_key_deletes_what_a_base_set_at_any_depth()
    {
        var values = Compose(
            ("base.yaml", "notes: from base\ngenerator: {latent_dim: 100, leaky_slope: 0.1}\n"),
            ("e.yaml", "extends: base.yaml\n~notes:\ngenerator:\n  ~leaky_slope: ~\n"));

        Assert.Equal(new Dictionary<string, string> { ["generator.latent_dim"] = "100" }, values);
    }

    [Fact]
    public void A_tilde_key_with_a_value_or_nothing_to_delete_is_an_error_at_its_line()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile("base.yaml", "seed: 1\n");
        var path = temp.WriteFile("e.yaml", "extends: base.yaml\n~seed: 2\n~notes:\n");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Load(path));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal(new SourceLocation(path, 2, 1), exception.Errors[0].Location);
        Assert.Contains("takes no value", exception.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(path, 3, 1), exception.Errors[1].Location);
        Assert.Contains("'~notes' deletes nothing", exception.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_bases_win_over_earlier_ones_and_the_file_over_all()
    {
        var values = Compose(
            ("a.yaml", "name: a\nseed: 1\nnotes: from a\n"),
            ("b.yaml", "name: b\nseed: 2\n"),
            ("e.yaml", "extends: [a.yaml, b.yaml]\nname: e\n"));

        Assert.Equal(new Dictionary<string, string> { ["name"] = "e", ["seed"] = "2", ["notes"] = "from a" }, values);
    }

    [Fact]
    public void Base_paths_are_relative_to_the_file_naming_them_along_a_chain()
    {
        var values = Compose(
            (Path.Combine("shared", "common", "root.yaml"), "seed: 7\n"),
            (Path.Combine("shared", "base.yaml"), "extends: common/root.yaml\nname: base\n"),
            (Path.Combine("runs", "e.yaml"), "extends: ../shared/base.yaml\nnotes: e\n"));

        Assert.Equal(new Dictionary<string, string> { ["seed"] = "7", ["name"] = "base", ["notes"] = "e" }, values);
    }

    [Fact]
    public void A_cycle_is_refused_naming_the_chain()
    {
        using var temp = new TemporaryDirectory();
        var a = temp.WriteFile("a.yaml", "extends: b.yaml\nseed: 1\n");
        var b = temp.WriteFile("b.yaml", "extends: a.yaml\nseed: 2\n");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Load(a));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(new SourceLocation(b, 1, 10), error.Location);
        Assert.Equal($"extends forms a cycle: {a} -> {b} -> {a}", error.Message);
    }

    [Fact]
    public void A_missing_base_is_reported_at_the_extends_entry_naming_it()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile("a.yaml", "seed: 1\n");
        var path = temp.WriteFile("e.yaml", "name: e\nextends:\n  - a.yaml\n  - missing.yaml\n");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Load(path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(new SourceLocation(path, 4, 5), error.Location);
        Assert.Equal($"base file 'missing.yaml' not found (looked for {temp.Combine("missing.yaml")})", error.Message);
    }

    [Fact]
    public void A_type_error_in_a_value_written_in_a_base_names_the_base_file_and_line()
    {
        using var temp = new TemporaryDirectory();
        var basePath = temp.WriteFile(Path.Combine("shared", "base.yaml"), "name: base\ngenerator:\n  latent_dim: many\n");
        var path = temp.WriteFile("e.yaml", "extends: shared/base.yaml\nseed: lots\ngenerator: {leaky_slope: 0.1}\n");

        var (_, context) = TestYaml.Bind<SampleExperiment>(ConfigDocument.Load(path));

        Assert.Equal(2, context.Errors.Count);
        Assert.Contains(context.Errors, e => e.Location == new SourceLocation(basePath, 3, 15) && e.Message.Contains("generator.latent_dim", StringComparison.Ordinal));
        Assert.Contains(context.Errors, e => e.Location == new SourceLocation(path, 2, 7) && e.Message.Contains("seed", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_apply_after_composition()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile("base.yaml", "generator: {latent_dim: 100, leaky_slope: 0.2}\n");
        var document = ConfigDocument.Load(temp.WriteFile("e.yaml", "extends: base.yaml\ngenerator: {latent_dim: 64}\n"));

        ConfigOverrides.Apply(document, ["generator.latent_dim=32"]);

        Assert.Equal("32", Values(document)["generator.latent_dim"]);
        Assert.Equal("0.2", Values(document)["generator.leaky_slope"]);
    }

    // Writes the files into a fresh folder and loads the last one, composed with its bases.
    private static Dictionary<string, string> Compose(params (string Name, string Yaml)[] files)
    {
        using var temp = new TemporaryDirectory();
        var paths = files.Select(f => temp.WriteFile(f.Name, f.Yaml)).ToArray();
        return Values(ConfigDocument.Load(paths[^1]));
    }

    private static Dictionary<string, string> Values(ConfigDocument document) =>
        ConfigWriter.Flatten(document.Root).ToDictionary();
}
