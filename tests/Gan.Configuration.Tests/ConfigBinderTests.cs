using YamlDotNet.RepresentationModel;

namespace Gan.Configuration.Tests;

public class ConfigBinderTests
{
    [Fact]
    public void Unknown_key_names_file_line_column_and_suggests_closest()
    {
        var document = TestYaml.Parse(
            "model:",
            "  generator:",
            "    type: mnist-mlp",
            "    hiden: 512");
        var context = new BindingContext(document);
        var section = ((YamlMappingNode)document.Root["model"])["generator"];

        ConfigBinder.Bind<GeneratorOptions>(section, "model.generator", context, "options of generator 'mnist-mlp'", new HashSet<string> { "type" });

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 4, 5), error.Location);
        Assert.Equal(
            "experiments/mnist.yaml:4:5: unknown key 'hiden' in model.generator (options of generator 'mnist-mlp'). " +
            "Did you mean 'hidden_sizes'? Allowed keys: channels, hidden_sizes, image_size, latent_dim, leaky_slope",
            error.ToString());
    }

    [Fact]
    public void Unknown_key_far_from_every_key_gets_no_suggestion()
    {
        var (_, context) = TestYaml.Bind<GeneratorOptions>("zzzzzz: 1");

        var error = TestYaml.Single(context);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'zzzzzz' in the top level. Allowed keys:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_expected_but_word_given_points_at_the_value()
    {
        var document = TestYaml.Parse(
            "data:",
            "  rate: sixty");
        var context = new BindingContext(document);

        ConfigBinder.Bind<AllTypes>(((YamlMappingNode)document.Root)["data"], "data", context);

        Assert.Equal("experiments/mnist.yaml:2:9: expected a number for data.rate, got 'sixty'", TestYaml.Single(context).ToString());
    }

    [Fact]
    public void Integer_expected_but_fraction_given_says_a_whole_number_is_needed()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("count: 2.5");

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 1, 8), error.Location);
        Assert.Equal("expected an integer for count, got '2.5' (a whole number is needed)", error.Message);
    }

    [Fact]
    public void Integer_out_of_range_is_reported_with_the_bounds()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("count: 3000000000");

        Assert.Equal("count = 3000000000 is out of range; it must be between -2147483648 and 2147483647", TestYaml.Single(context).Message);
    }

    [Fact]
    public void Boolean_accepts_only_true_and_false()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("enabled: yes");

        Assert.Equal("expected a boolean (true or false) for enabled, got 'yes'", TestYaml.Single(context).Message);
    }

    [Fact]
    public void Mapping_expected_but_scalar_given_is_reported()
    {
        var (_, context) = TestYaml.Bind<AllTypes>(
            "name: x",
            "inner: abc");

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 2, 8), error.Location);
        Assert.Equal("expected a mapping for inner, got a scalar 'abc'", error.Message);
    }

    [Fact]
    public void List_expected_but_scalar_given_is_reported()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("betas: 0.5");

        Assert.Equal("expected a list for betas, got a scalar '0.5'", TestYaml.Single(context).Message);
    }

    [Fact]
    public void Scalar_expected_but_mapping_given_is_reported()
    {
        var (_, context) = TestYaml.Bind<AllTypes>(
            "count:",
            "  value: 3");

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 2, 3), error.Location);
        Assert.Equal("expected an integer for count, got a mapping", error.Message);
    }

    [Fact]
    public void Null_for_a_non_nullable_number_is_reported()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("count: ~");

        Assert.Equal("expected an integer for count, got null", TestYaml.Single(context).Message);
    }

    [Fact]
    public void All_errors_of_a_file_are_collected_and_ordered_by_position()
    {
        var document = TestYaml.Parse(
            "name: ok",
            "inner:",
            "  depth: deep",
            "count: many",
            "bogus: 1",
            "rate: fast");
        var context = new BindingContext(document);

        // Bind a later part first: the order must come from positions, not from binding order.
        ConfigBinder.Bind<double>(document.Root["rate"], "rate", context);
        ConfigBinder.Bind<AllTypes>(document.Root, string.Empty, context, ignoredKeys: new HashSet<string> { "rate" });

        var exception = Assert.Throws<ConfigurationException>(context.ThrowIfErrors);
        Assert.Equal([3, 4, 5, 6], exception.Errors.Select(e => e.Location!.Line));
        var lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("experiments/mnist.yaml:3:10: expected an integer for inner.depth, got 'deep'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("experiments/mnist.yaml:5:1: unknown key 'bogus'", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("experiments/mnist.yaml:6:7: expected a number for rate", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_values_leave_the_class_default_and_good_values_still_bind()
    {
        var (value, context) = TestYaml.Bind<AllTypes>(
            "count: many",
            "rate: 0.5");

        Assert.Single(context.Errors);
        Assert.Equal(0, value.Count);
        Assert.Equal(0.5, value.Rate);
    }

    [Fact]
    public void Keys_are_property_names_in_snake_case_or_the_option_name()
    {
        var (value, context) = TestYaml.Bind<AllTypes>(
            "lambda_A: 5.0",
            "beta1: 0.9",
            "n_epochs_decay: 7",
            "maybe_count: 3");

        Assert.Empty(context.Errors);
        Assert.Equal(5.0, value.LambdaA);
        Assert.Equal(0.9, value.Beta1);
        Assert.Equal(7, value.NEpochsDecay);
        Assert.Equal(3, value.MaybeCount);
    }

    [Theory]
    [InlineData("maybeCount")]
    [InlineData("maybe-count")]
    [InlineData("MaybeCount")]
    [InlineData("MAYBE_COUNT")]
    public void Alternate_spellings_of_a_key_bind(string key)
    {
        var (value, context) = TestYaml.Bind<AllTypes>($"{key}: 9");

        Assert.Empty(context.Errors);
        Assert.Equal(9, value.MaybeCount);
    }

    [Fact]
    public void Option_name_key_also_binds_in_other_spellings()
    {
        var (value, context) = TestYaml.Bind<AllTypes>("lambda_a: 3");

        Assert.Empty(context.Errors);
        Assert.Equal(3.0, value.LambdaA);
    }

    [Fact]
    public void Same_key_in_two_spellings_is_a_duplicate()
    {
        var (_, context) = TestYaml.Bind<AllTypes>(
            "batch: 1",
            "maybe_count: 1",
            "maybeCount: 2");

        var errors = context.Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(new SourceLocation(TestYaml.File, 3, 1), errors[1].Location);
        Assert.Equal("duplicate key 'maybeCount' in the top level: 'maybe_count' is already set (first given at line 2)", errors[1].Message);
    }

    [Fact]
    public void Every_supported_type_binds()
    {
        var (value, context) = TestYaml.Bind<AllTypes>(
            "name: gan",
            "enabled: true",
            "count: -1",
            "big: 10000000000",
            "ratio: .5",
            "rate: 2e-4",
            "schedule: cosine_annealing",
            "maybe_count: null",
            "betas: [0.0, 0.99]",
            "tags: [a, b]",
            "weights:",
            "  - 1",
            "  - .inf",
            "sizes: {z: 1, a: 2}",
            "scales:",
            "  second: 2.0",
            "  first: -.inf",
            "inner:",
            "  depth: 4",
            "  label: ~",
            "raw:",
            "  type: anything",
            "  nested: [1, 2]",
            "anything: [x]");

        Assert.Empty(context.Errors);
        Assert.Equal("gan", value.Name);
        Assert.True(value.Enabled);
        Assert.Equal(-1, value.Count);
        Assert.Equal(10_000_000_000L, value.Big);
        Assert.Equal(0.5f, value.Ratio);
        Assert.Equal(2e-4, value.Rate);
        Assert.Equal(Schedule.CosineAnnealing, value.Schedule);
        Assert.Null(value.MaybeCount);
        Assert.Equal([0.0, 0.99], value.Betas);
        Assert.Equal(["a", "b"], value.Tags);
        Assert.Equal([1.0, double.PositiveInfinity], value.Weights);
        Assert.Equal(["z", "a"], value.Sizes.Keys);
        Assert.Equal(2, value.Sizes["a"]);
        Assert.Equal(["second", "first"], value.Scales.Keys);
        Assert.Equal(double.NegativeInfinity, value.Scales["first"]);
        Assert.Equal(4, value.Inner.Depth);
        Assert.Null(value.Inner.Label);
        Assert.NotNull(value.Raw);
        Assert.Equal("anything", ((YamlScalarNode)value.Raw["type"]).Value);
        Assert.IsType<YamlSequenceNode>(value.Anything);
    }

    [Fact]
    public void Nan_and_exponent_forms_bind_to_doubles()
    {
        var (value, context) = TestYaml.Bind<AllTypes>(
            "rate: .nan",
            "lambda_A: 1E+3");

        Assert.Empty(context.Errors);
        Assert.True(double.IsNaN(value.Rate));
        Assert.Equal(1000.0, value.LambdaA);
    }

    [Fact]
    public void Absent_keys_keep_the_class_defaults()
    {
        var (value, context) = TestYaml.Bind<AllTypes>("count: 1");

        Assert.Empty(context.Errors);
        Assert.Equal("default", value.Name);
        Assert.Equal(5, value.MaybeCount);
        Assert.Equal([0.5, 0.999], value.Betas);
        Assert.Equal("inner", value.Inner.Label);
    }

    [Fact]
    public void Quoted_null_is_a_string_and_plain_null_is_null()
    {
        var (value, context) = TestYaml.Bind<AllTypes>(
            "name: \"null\"",
            "inner: {label: null}");

        Assert.Empty(context.Errors);
        Assert.Equal("null", value.Name);
        Assert.Null(value.Inner.Label);
    }

    [Theory]
    [InlineData("cosine", Schedule.Cosine)]
    [InlineData("Cosine", Schedule.Cosine)]
    [InlineData("CosineAnnealing", Schedule.CosineAnnealing)]
    [InlineData("cosine-annealing", Schedule.CosineAnnealing)]
    public void Enum_values_bind_in_snake_case_or_as_written(string text, Schedule expected)
    {
        var (value, context) = TestYaml.Bind<AllTypes>($"schedule: {text}");

        Assert.Empty(context.Errors);
        Assert.Equal(expected, value.Schedule);
    }

    [Fact]
    public void Unknown_enum_value_lists_the_allowed_values_and_suggests()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("schedule: cosin");

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 1, 11), error.Location);
        Assert.Equal("unknown value 'cosin' for schedule. Did you mean 'cosine'? Allowed values: linear, cosine, cosine_annealing", error.Message);
    }

    [Fact]
    public void List_element_errors_name_the_index()
    {
        var (_, context) = TestYaml.Bind<AllTypes>(
            "betas:",
            "  - 0.5",
            "  - high");

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 3, 5), error.Location);
        Assert.Equal("expected a number for betas.1, got 'high'", error.Message);
    }

    [Fact]
    public void Raw_mapping_property_rejects_a_scalar()
    {
        var (_, context) = TestYaml.Bind<AllTypes>("raw: text");

        Assert.Equal("expected a mapping for raw, got a scalar 'text'", TestYaml.Single(context).Message);
    }

    [Fact]
    public void Range_failure_is_reported_at_the_key_with_its_path()
    {
        var document = TestYaml.Parse(
            "data:",
            "  dataset: mnist",
            "  batch_size: 0");
        var context = new BindingContext(document);

        ConfigBinder.Bind<ValidatedOptions>(document.Root["data"], "data", context);

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 3, 3), error.Location);
        Assert.Equal("The field data.batch_size must be between 1 and 4096.", error.Message);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_mapping_start()
    {
        var document = TestYaml.Parse(
            "name: x",
            "data:",
            "  batch_size: 32");
        var context = new BindingContext(document);

        ConfigBinder.Bind<ValidatedOptions>(document.Root["data"], "data", context);

        var error = TestYaml.Single(context);
        Assert.Equal(new SourceLocation(TestYaml.File, 3, 3), error.Location);
        Assert.Equal("The data.dataset field is required.", error.Message);
    }

    [Fact]
    public void Absent_section_gets_defaults_and_is_still_validated()
    {
        var context = new BindingContext();

        var value = ConfigBinder.Bind<ValidatedOptions>(null, "data", context);

        Assert.Equal(64, value.BatchSize);
        var error = Assert.Single(context.Errors);
        Assert.Null(error.Location);
        Assert.Equal("The data.dataset field is required.", error.Message);
    }

    [Fact]
    public void Value_that_failed_to_bind_is_not_validated_again()
    {
        var (_, context) = TestYaml.Bind<ValidatedOptions>(
            "dataset: mnist",
            "dropout: lots");

        Assert.Equal("expected a number for dropout, got 'lots'", TestYaml.Single(context).Message);
    }

    [Fact]
    public void Ignored_keys_are_skipped()
    {
        var (value, context) = TestYaml.Bind<GeneratorOptions>(
            TestYaml.Parse("type: mnist-mlp", "latent_dim: 64"),
            ignored: new HashSet<string> { "type" });

        Assert.Empty(context.Errors);
        Assert.Equal(64, value.LatentDim);
    }

    [Fact]
    public void Misspelt_ignored_key_is_suggested()
    {
        var (_, context) = TestYaml.Bind<GeneratorOptions>(TestYaml.Parse("tpye: mnist-mlp"), ignored: new HashSet<string> { "type" });

        Assert.StartsWith("unknown key 'tpye' in the top level. Did you mean 'type'?", TestYaml.Single(context).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_targets_bind_directly()
    {
        var document = TestYaml.Parse("epochs: 3", "lr: 2e-4");
        var context = new BindingContext(document);

        Assert.Equal(3, ConfigBinder.Bind<int>(document.Root["epochs"], "epochs", context));
        // The engine binds by Type when the options type is only known at run time.
        var runtimeType = Type.GetType("System.Double")!;
        Assert.Equal(2e-4, ConfigBinder.Bind(runtimeType, document.Root["lr"], "lr", context));
        Assert.Empty(context.Errors);
    }

    [Fact]
    public void Unsupported_property_type_is_a_programming_error()
    {
        var context = new BindingContext();

        Assert.Throws<NotSupportedException>(() => ConfigBinder.Bind<Unsupported>(new YamlMappingNode("when", "now"), "x", context));
    }

    public sealed class Unsupported
    {
        public Stream? When { get; set; }
    }
}
