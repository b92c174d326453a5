using YamlDotNet.RepresentationModel;

namespace Gan.Configuration.Tests;

public class ConfigOverridesTests
{
    private static ConfigDocument Sample() => TestYaml.Parse(
        "data:",
        "  batch_size: 64",
        "model:",
        "  generator:",
        "    type: mnist-mlp",
        "    latent_dim: 100",
        "stages:",
        "  - epochs: 5",
        "  - epochs: 10",
        "empty:");

    private static YamlNode At(ConfigDocument document, params string[] keys)
    {
        YamlNode node = document.Root;
        foreach (var key in keys)
        {
            node = node is YamlSequenceNode sequence ? sequence[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : ((YamlMappingNode)node)[key];
        }

        return node;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    [Fact]
    public void Override_replaces_an_existing_value()
    {
        var document = Sample();

        ConfigOverrides.Apply(document, ["data.batch_size=128"]);

        Assert.Equal("128", Text(At(document, "data", "batch_size")));
        Assert.Single(((YamlMappingNode)document.Root["data"]).Children);
    }

    [Fact]
    public void Override_creates_missing_mappings()
    {
        var document = Sample();

        ConfigOverrides.Apply(document, ["training.optimizer.lr=2e-4", "empty.nested=1"]);

        Assert.Equal("2e-4", Text(At(document, "training", "optimizer", "lr")));
        Assert.Equal("1", Text(At(document, "empty", "nested")));
    }

    [Fact]
    public void Override_indexes_into_lists()
    {
        var document = Sample();

        ConfigOverrides.Apply(document, ["stages.1.epochs=1", "stages.0=null"]);

        Assert.Equal("1", Text(At(document, "stages", "1", "epochs")));
        Assert.Equal("null", Text(At(document, "stages", "0")));
    }

    [Fact]
    public void Override_values_are_read_as_yaml_flow_values()
    {
        var document = Sample();

        ConfigOverrides.Apply(document, ["optim.betas=[0.5, 0.999]", "optim.extra={a: 1, b: [x]}", "optim.name='quoted: text'", "optim.flag=true"]);
        var (optim, context) = TestYaml.Bind<Optim>(ConfigDocument.FromRoot((YamlMappingNode)document.Root["optim"], "x"));

        Assert.Empty(context.Errors);
        Assert.Equal([0.5, 0.999], optim.Betas);
        Assert.Equal(2, optim.Extra!.Count);
        Assert.Equal("quoted: text", optim.Name);
        Assert.True(optim.Flag);
    }

    [Fact]
    public void Override_matches_an_existing_key_in_another_spelling()
    {
        var document = Sample();

        ConfigOverrides.Apply(document, ["data.batchSize=32"]);

        var data = (YamlMappingNode)document.Root["data"];
        Assert.Single(data.Children);
        Assert.Equal("32", Text(data["batch_size"]));
    }

    [Fact]
    public void Type_error_in_an_overridden_value_is_located_at_the_set()
    {
        var document = Sample();
        ConfigOverrides.Apply(document, ["data.batch_size=16", "model.generator.latent_dim=abc"]);
        var context = new BindingContext(document);

        ConfigBinder.Bind<GeneratorOptions>(At(document, "model", "generator"), "model.generator", context, ignoredKeys: new HashSet<string> { "type" });

        Assert.Equal(
            "--set #2 (model.generator.latent_dim=abc): expected an integer for model.generator.latent_dim, got 'abc'",
            TestYaml.Single(context).ToString());
    }

    [Fact]
    public void Unknown_key_added_by_an_override_is_located_at_the_set()
    {
        var document = Sample();
        ConfigOverrides.Apply(document, ["model.generator.hiden=3"]);
        var context = new BindingContext(document);

        ConfigBinder.Bind<GeneratorOptions>(At(document, "model", "generator"), "model.generator", context, ignoredKeys: new HashSet<string> { "type" });

        var error = TestYaml.Single(context);
        Assert.Equal("--set #1 (model.generator.hiden=3)", error.Location!.ToString());
        Assert.StartsWith("unknown key 'hiden' in model.generator. Did you mean 'hidden_sizes'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.batch_size", "expected key=value, e.g. --set data.batch_size=128")]
    [InlineData("=5", "the key before '=' is empty")]
    [InlineData("data..batch_size=5", "the key 'data..batch_size' has an empty segment; write dotted keys like model.generator.latent_dim")]
    [InlineData("stages.2.epochs=1", "index 2 is out of range for stages, which has 2 item(s)")]
    [InlineData("stages.first.epochs=1", "stages is a list; 'first' is not an index (use stages.0, stages.1, ...)")]
    [InlineData("data.batch_size.inner=1", "cannot set data.batch_size.inner: data.batch_size is a scalar '64', not a mapping or list")]
    [InlineData("data.name=[1, 2", "the value is not valid YAML")]
    public void Malformed_assignment_is_reported_with_its_set_text(string assignment, string message)
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigOverrides.Apply(Sample(), [assignment]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal($"--set #1 ({assignment})", error.Location!.ToString());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_malformed_assignments_are_reported_together()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigOverrides.Apply(Sample(), ["a", "data.batch_size=1", "=2"]));

        Assert.Equal(["--set #1 (a)", "--set #3 (=2)"], exception.Errors.Select(e => e.Location!.Source));
    }

    public sealed class Optim
    {
        public List<double> Betas { get; set; } = [];

        public Dictionary<string, YamlNode>? Extra { get; set; }

        public string? Name { get; set; }

        public bool Flag { get; set; }
    }
}
