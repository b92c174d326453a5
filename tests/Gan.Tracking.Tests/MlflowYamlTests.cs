namespace Gan.Tracking.Tests;

public sealed class MlflowYamlTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Default", "Default")]
    [InlineData("file:///tmp/mlruns/0", "file:///tmp/mlruns/0")]
    [InlineData("gan mnist", "gan mnist")]
    [InlineData("0", "'0'")]
    [InlineData("123456789012345678", "'123456789012345678'")]
    [InlineData("0a1b2c", "0a1b2c")]
    [InlineData("1e5", "1e5")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("", "''")]
    [InlineData("true", "'true'")]
    [InlineData("null", "'null'")]
    [InlineData("2024-01-02", "'2024-01-02'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("#tag", "'#tag'")]
    [InlineData("it's", "it's")]
    [InlineData("'quoted'", "'''quoted'''")]
    [InlineData(" padded", "' padded'")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Scalar_quotes_only_where_pyyaml_would(string value, string expected) =>
        Assert.Equal(expected, MlflowYaml.Scalar(value));

    [Fact]
    public void Written_meta_reads_back_unchanged_even_for_awkward_names()
    {
        var meta = new RunMeta(
            "0123456789abcdef0123456789abcdef", "42", "it's: \"odd\" #1\nsecond line", "file:///tmp/x%20y/artifacts",
            "user", 1, null, RunStatus.Failed);
        var path = Path.Combine(_temp.Path, "meta.yaml");
        File.WriteAllText(path, meta.ToYaml(onCreate: true));

        Assert.Equal(meta, RunMeta.Read(path));
        Assert.Null(MlflowYaml.ReadMapping(path)["deleted_time"]);
    }

    [Fact]
    public void Reads_meta_yaml_as_mlflow_writes_it()
    {
        var path = Path.Combine(_temp.Path, "meta.yaml");
        File.WriteAllText(path, """
            artifact_uri: file:///home/u/mlruns/0/73ed5776f5e04e23be739d46812cb6bd/artifacts
            end_time: 1672364273335
            entry_point_name: ''
            experiment_id: '0'
            lifecycle_stage: active
            run_id: 73ed5776f5e04e23be739d46812cb6bd
            run_name: beautiful-dog-902
            run_uuid: 73ed5776f5e04e23be739d46812cb6bd
            source_name: ''
            source_type: 4
            source_version: ''
            start_time: 1672364273319
            status: 3
            tags: []
            user_id: wavet

            """);

        var meta = RunMeta.Read(path);
        Assert.Equal("73ed5776f5e04e23be739d46812cb6bd", meta.RunId);
        Assert.Equal("0", meta.ExperimentId);
        Assert.Equal("beautiful-dog-902", meta.RunName);
        Assert.Equal(1672364273335, meta.EndTime);
        Assert.Equal(RunStatus.Finished, meta.Status);
    }
}
