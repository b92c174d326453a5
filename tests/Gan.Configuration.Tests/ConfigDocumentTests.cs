using YamlDotNet.RepresentationModel;

namespace Gan.Configuration.Tests;

public class ConfigDocumentTests
{
    [Fact]
    public void Yaml_syntax_error_names_file_line_and_column()
    {
        var exception = Assert.Throws<ConfigurationException>(() => TestYaml.Parse(
            "data:",
            "  batch_size: 64",
            "  name: a: b"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(new SourceLocation(TestYaml.File, 3, 10), error.Location);
        Assert.StartsWith("experiments/mnist.yaml:3:10: invalid YAML: While scanning a plain scalar", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_flow_list_is_located_where_the_parser_stopped()
    {
        var exception = Assert.Throws<ConfigurationException>(() => TestYaml.Parse(
            "data:",
            "  batch_size: 64",
            "  name: [a, b",
            "model: x"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(3, error.Location!.Line);
        Assert.Contains("unclosed '['", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_indentation_is_located()
    {
        var exception = Assert.Throws<ConfigurationException>(() => TestYaml.Parse(
            "data:",
            "  batch_size: 64",
            " seed: 1"));

        Assert.Equal(3, exception.Errors[0].Location!.Line);
        Assert.Equal(2, exception.Errors[0].Location!.Column);
    }

    [Fact]
    public void Duplicate_key_in_the_file_is_reported_at_the_second_key()
    {
        var exception = Assert.Throws<ConfigurationException>(() => TestYaml.Parse(
            "seed: 1",
            "seed: 2"));

        Assert.Equal(new SourceLocation(TestYaml.File, 2, 1), exception.Errors[0].Location);
    }

    [Fact]
    public void Empty_file_is_a_clear_error()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Parse("# only a comment\n", "empty.yaml"));

        Assert.Equal("empty.yaml: the file is empty; an experiment file is a YAML mapping of sections (name:, data:, model:, ...)", exception.Message);
    }

    [Fact]
    public void Root_that_is_not_a_mapping_is_rejected()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Parse("- a\n- b\n", "list.yaml"));

        Assert.Equal("list.yaml:1:1: the top level of an experiment file must be a mapping (key: value lines), got a sequence", exception.Message);
    }

    [Fact]
    public void Missing_file_error_names_the_path()
    {
        var path = Path.Combine("no-such-dir", "missing.yaml");

        var exception = Assert.Throws<ConfigurationException>(() => ConfigDocument.Load(path));

        Assert.StartsWith($"experiment file '{path}' not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(path), exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Gan.Abstractions.GanInputException>(exception);
    }

    [Fact]
    public void Load_reads_the_file_and_keeps_the_path_as_given()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gan-config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: test\ndata:\n  batch_size: 8\n");
        try
        {
            var document = ConfigDocument.Load(path);

            Assert.Equal(path, document.Path);
            var batch = ((YamlMappingNode)document.Root["data"])["batch_size"];
            Assert.Equal(new SourceLocation(path, 3, 15), document.GetLocation(batch));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Equal_scalars_in_different_places_keep_their_own_locations()
    {
        var document = TestYaml.Parse("a: 1", "b: 1");

        Assert.Equal(1, document.GetLocation(document.Root["a"]).Line);
        Assert.Equal(2, document.GetLocation(document.Root["b"]).Line);
    }

    [Fact]
    public void Location_text_is_source_line_column()
    {
        Assert.Equal("f.yaml:3:7", new SourceLocation("f.yaml", 3, 7).ToString());
        Assert.Equal("--set #2 (a=1)", new SourceLocation("--set #2 (a=1)", 0, 0).ToString());
    }
}
