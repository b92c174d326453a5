namespace Gan.Configuration.Tests;

public class OptionsSchemaTests
{
    [Fact]
    public void Describe_lists_keys_types_defaults_and_descriptions_in_declaration_order()
    {
        var options = OptionsSchema.Describe(typeof(GeneratorOptions));

        Assert.Equal(
            [
                new OptionDescription("latent_dim", "integer", "100", "Size of the noise vector."),
                new OptionDescription("hidden_sizes", "list of integer", "[256, 512, 1024]", "Widths of the hidden layers."),
                new OptionDescription("channels", "integer", "1", null),
                new OptionDescription("image_size", "integer", "28", null),
                new OptionDescription("leaky_slope", "number", "0.2", null),
            ],
            options);
    }

    [Fact]
    public void Describe_takes_help_from_doc_comments_when_a_property_has_no_description_attribute()
    {
        var options = OptionsSchema.Describe(typeof(DocumentedOptions)).ToDictionary(o => o.Key, o => o.Description);

        Assert.Equal("Number of residual blocks in the generator.", options["blocks"]);
        Assert.Equal("Scale of the Weight term; null turns it off. See scale.", options["scale"]);
        Assert.Equal("From the attribute.", options["mode"]);
        Assert.Null(options["undocumented"]);
    }

    [Fact]
    public void Doc_comments_of_nested_options_classes_are_found()
    {
        var weight = typeof(DocumentedOptions.Nested).GetProperty(nameof(DocumentedOptions.Nested.Weight))!;

        Assert.Equal("Weight of a nested option.", XmlDocumentation.SummaryOf(weight));
    }

    [Fact]
    public void Describe_renders_readable_type_names_and_flow_defaults()
    {
        var options = OptionsSchema.Describe(typeof(AllTypes)).ToDictionary(o => o.Key);

        Assert.Equal(("string", "default"), (options["name"].TypeName, options["name"].DefaultValue));
        Assert.Equal(("boolean", "false"), (options["enabled"].TypeName, options["enabled"].DefaultValue));
        Assert.Equal(("number", "0.0"), (options["rate"].TypeName, options["rate"].DefaultValue));
        Assert.Equal(("one of: linear, cosine, cosine_annealing", "linear"), (options["schedule"].TypeName, options["schedule"].DefaultValue));
        Assert.Equal(("integer or null", "5"), (options["maybe_count"].TypeName, options["maybe_count"].DefaultValue));
        Assert.Equal(("list of number", "[0.5, 0.999]"), (options["betas"].TypeName, options["betas"].DefaultValue));
        Assert.Equal(("list of string", "[]"), (options["tags"].TypeName, options["tags"].DefaultValue));
        Assert.Equal(("mapping of integer", "{}"), (options["sizes"].TypeName, options["sizes"].DefaultValue));
        Assert.Equal(("mapping", "{depth: 2, label: inner}"), (options["inner"].TypeName, options["inner"].DefaultValue));
        Assert.Equal(("mapping", "null"), (options["raw"].TypeName, options["raw"].DefaultValue));
        Assert.Equal(("any", "null"), (options["anything"].TypeName, options["anything"].DefaultValue));
        Assert.Equal("10.0", options["lambda_A"].DefaultValue);
    }

    [Fact]
    public void Default_numbers_read_well_and_round_trip()
    {
        var options = OptionsSchema.Describe(typeof(StageOptions)).ToDictionary(o => o.Key);

        Assert.Equal("0.0002", options["learning_rate"].DefaultValue);
    }

    [Fact]
    public void Describe_rejects_a_type_without_parameterless_constructor()
    {
        Assert.Throws<ArgumentException>(() => OptionsSchema.Describe(typeof(NoDefaultConstructor)));
    }

    public sealed record NoDefaultConstructor(int Value);
}
