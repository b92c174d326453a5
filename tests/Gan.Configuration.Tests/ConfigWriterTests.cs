using YamlDotNet.RepresentationModel;

namespace Gan.Configuration.Tests;

public class ConfigWriterTests
{
    private static SampleExperiment Sample() => new()
    {
        Name = "cyclegan horse2zebra",
        Seed = 7,
        Epsilon = 1e-12,
        Momentum = 0.3f,
        Schedule = Schedule.Cosine,
        Notes = null,
        Tricky = "null",
        Generator = new GeneratorOptions { LatentDim = 64, HiddenSizes = [128, 256], LeakySlope = 0.1 + 0.2 },
        Stages = [new StageOptions { Epochs = 3, LearningRate = 2e-4, Betas = [0.0, 0.9] }],
        LossWeights = new() { ["z"] = 0.5, ["a"] = double.PositiveInfinity },
        Extra = new YamlMappingNode("type", "custom", "size", "3"),
    };

    [Fact]
    public void Binding_the_written_yaml_gives_back_an_equal_object()
    {
        var original = Sample();

        var context = new BindingContext();
        var copy = ConfigBinder.Bind<SampleExperiment>(ConfigWriter.ToYaml(original), string.Empty, context);

        Assert.Empty(context.Errors);
        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.Seed, copy.Seed);
        Assert.Equal(original.Epsilon, copy.Epsilon);
        Assert.Equal(original.Momentum, copy.Momentum);
        Assert.Equal(original.Schedule, copy.Schedule);
        Assert.Null(copy.Notes);
        Assert.Equal("null", copy.Tricky);
        Assert.Equal(original.Generator.HiddenSizes, copy.Generator.HiddenSizes);
        Assert.Equal(original.Generator.LeakySlope, copy.Generator.LeakySlope);
        Assert.Equal(original.Generator.LatentDim, copy.Generator.LatentDim);
        var stage = Assert.Single(copy.Stages);
        Assert.Equal((3, 2e-4), (stage.Epochs, stage.LearningRate));
        Assert.Equal([0.0, 0.9], stage.Betas);
        Assert.Equal(original.LossWeights, copy.LossWeights);
        Assert.Equal(["z", "a"], copy.LossWeights.Keys);
        Assert.Equal(original.Extra, copy.Extra);
        Assert.NotSame(original.Extra, copy.Extra);
        Assert.Equal(ConfigWriter.Serialize(ConfigWriter.ToYaml(original)), ConfigWriter.Serialize(ConfigWriter.ToYaml(copy)));
    }

    [Fact]
    public void Serialized_text_parses_back_to_the_same_object()
    {
        var original = Sample();
        var text = ConfigWriter.Serialize(ConfigWriter.ToYaml(original));

        var document = ConfigDocument.Parse(text, "resolved.yaml");
        var context = new BindingContext(document);
        var copy = ConfigBinder.Bind<SampleExperiment>(document.Root, string.Empty, context);

        Assert.Empty(context.Errors);
        Assert.Equal(text, ConfigWriter.Serialize(ConfigWriter.ToYaml(copy)));
    }

    [Fact]
    public void Serialize_writes_readable_block_yaml()
    {
        var text = ConfigWriter.Serialize(ConfigWriter.ToYaml(new SampleExperiment()));

        Assert.Equal(
            """
            name: mnist
            seed: 42
            epsilon: 1.0e-08
            momentum: 0.1
            schedule: cosine_annealing
            notes: null
            tricky: "true"
            generator:
              latent_dim: 100
              hidden_sizes: [256, 512, 1024]
              channels: 1
              image_size: 28
              leaky_slope: 0.2
            stages:
            - epochs: 1
              learning_rate: 0.0002
              betas: [0.5, 0.999]
            - epochs: 5
              learning_rate: 0.001
              betas: [0.5, 0.999]
            loss_weights:
              adversarial: 1.0
              l1: 100.0
            extra: null

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Flatten_gives_dotted_keys_flow_lists_indexed_mappings_and_skips_nulls()
    {
        var pairs = ConfigWriter.Flatten(ConfigWriter.ToYaml(new SampleExperiment())).ToList();

        Assert.Equal(
            [
                new("name", "mnist"),
                new("seed", "42"),
                new("epsilon", "1.0e-08"),
                new("momentum", "0.1"),
                new("schedule", "cosine_annealing"),
                new("tricky", "true"),
                new("generator.latent_dim", "100"),
                new("generator.hidden_sizes", "[256, 512, 1024]"),
                new("generator.channels", "1"),
                new("generator.image_size", "28"),
                new("generator.leaky_slope", "0.2"),
                new("stages.0.epochs", "1"),
                new("stages.0.learning_rate", "0.0002"),
                new("stages.0.betas", "[0.5, 0.999]"),
                new("stages.1.epochs", "5"),
                new("stages.1.learning_rate", "0.001"),
                new("stages.1.betas", "[0.5, 0.999]"),
                new("loss_weights.adversarial", "1.0"),
                new("loss_weights.l1", "100.0"),
            ],
            pairs);
    }

    [Fact]
    public void Flatten_uses_the_prefix_and_quotes_ambiguous_list_items()
    {
        var document = TestYaml.Parse("batch_size: 64", "tags: [a, 'true', \"x, y\"]");

        var pairs = ConfigWriter.Flatten(document.Root, "data").ToList();

        Assert.Equal([new("data.batch_size", "64"), new("data.tags", "[a, \"true\", \"x, y\"]")], pairs);
    }

    [Theory]
    [InlineData(0.0002, "0.0002")]
    [InlineData(1e-5, "1.0e-05")]
    [InlineData(3.0, "3.0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e20, "1.0e+20")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.NegativeInfinity, "-.inf")]
    public void Doubles_are_written_readably_and_read_back_exactly(double value, string expected)
    {
        var node = (YamlScalarNode)ConfigWriter.ToYaml(value);

        Assert.Equal(expected, node.Value);
        Assert.Equal(value, ConfigBinder.Bind<double>(node, "x", new BindingContext()));
    }

    [Fact]
    public void Floats_are_written_with_their_own_shortest_text()
    {
        Assert.Equal("0.1", ((YamlScalarNode)ConfigWriter.ToYaml(0.1f)).Value);
    }
}
