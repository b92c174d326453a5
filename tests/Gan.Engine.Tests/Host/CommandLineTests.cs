using Gan.Engine.Tests.Infrastructure;
using Gan.Tracking;

namespace Gan.Engine.Tests.Host;

public sealed class CommandLineTests
{
    [Fact]
    public void The_implicit_form_accepts_everything_run_accepts()
    {
        using var temp = new TemporaryDirectory();
        var path = Gan.Engine.Tests.Checkpoints.TinyExperiments.Mnist(temp, steps: 2, everySteps: 100);

        // 'gan EXP --resume' reaches the resume logic, exactly as 'gan run EXP --resume' does.
        foreach (var arguments in new[] { new[] { path, "--resume" }, ["run", path, "--resume"] })
        {
            var (exitCode, output) = GanProcess.Run(temp.Path, arguments);

            Assert.Equal(2, exitCode);
            Assert.Contains("--resume: there are no checkpoints yet", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unrecognized", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://user:secret@mlflow.example.org", "carries credentials")]
    [InlineData("sqlite:///:memory:", "in-memory")]
    [InlineData("sqlite:relative.db", "sqlite:////absolute/path.db")]
    public void Validate_refuses_a_tracking_uri_that_run_would_refuse(string uri, string expected)
    {
        using var temp = new TemporaryDirectory();
        var path = Gan.Engine.Tests.Checkpoints.TinyExperiments.Mnist(temp, steps: 2, everySteps: 100, trackingUri: uri);

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_wrong_key_with_file_line_column_and_exit_code_2_without_a_stack_trace()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("bad.yaml", "name: x\ndata: {type: mnist, batch_sise: 8}\nstages: [{steps: 1}]\n");

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:2:", output);
        Assert.Contains("Did you mean 'batch_size'?", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Validate_print_writes_the_composed_experiment_with_overrides_and_defaults()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile(Path.Combine("shared", "base.yaml"), "name: x\ndata: {type: mnist, batch_size: 8}\nstages: [{steps: 1}]\n");
        var path = temp.WriteFile("e.yaml", "extends: shared/base.yaml\ndata: {batch_size: 16}\n");

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path, "--print", "--set", "stages.0.steps=3");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("name: x\n", output, StringComparison.Ordinal);
        Assert.Contains("  batch_size: 16\n", output, StringComparison.Ordinal);
        Assert.Contains("  steps: 3\n", output, StringComparison.Ordinal);
        Assert.Contains("  download: true\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("extends", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_the_base_file_and_line_of_a_bad_value_written_there()
    {
        using var temp = new TemporaryDirectory();
        var basePath = temp.WriteFile(Path.Combine("shared", "base.yaml"), "name: x\ndata: {type: mnist, batch_size: many}\nstages: [{steps: 1}]\n");
        var path = temp.WriteFile("e.yaml", "extends: shared/base.yaml\nseed: 1\n");

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{basePath}:2:", output, StringComparison.Ordinal);
        Assert.Contains("data.batch_size", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_override_is_reported_with_its_text_and_exit_code_2()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("ok.yaml", "name: x\ndata: mnist\nstages: [{steps: 1}]\n");

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path, "--set", "data.batch_size=many");

        Assert.Equal(2, exitCode);
        Assert.Contains("data.batch_size=many", output);
    }

    [Fact]
    public void Validate_reports_a_type_error_an_unknown_component_and_an_option_error_in_one_run()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("bad.yaml", "name: x\nseed: many\ndata: {type: mnist, batch_size: 0}\nmodel: {generator: mnist-mpl}\nstages: [{steps: 1}]\n");

        var (exitCode, output) = GanProcess.Run(temp.Path, "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:2:7: expected an integer for seed", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:3:", output, StringComparison.Ordinal);
        Assert.Contains("data.batch_size must be between", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:4:", output, StringComparison.Ordinal);
        Assert.Contains("unknown generator 'mnist-mpl'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugin_command_gets_the_arguments_after_its_own_name_even_when_the_word_comes_earlier()
    {
        using var temp = new TemporaryDirectory();

        // The value of an option before the command spells its name; only the tokens after the command's own token
        // (as System.CommandLine parsed the line) are its arguments, not those after the first such word.
        var (exitCode, output) = GanProcess.Run(temp.Path,
            "--device", "make-shapes-dataset", "make-shapes-dataset", "shapes", "--size", "8", "--train", "1", "--test", "1");

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(temp.Combine("shapes", "trainA", "0000.png")), output);
    }

    [Fact]
    public void Plugin_command_help_is_generated_from_its_options()
    {
        var (exitCode, output) = GanProcess.Run(Path.GetTempPath(), "make-shapes-dataset", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: gan make-shapes-dataset DIRECTORY [options]", output, StringComparison.Ordinal);
        Assert.Matches(@"--size <integer> +Side of the square images in pixels\. Default: 32\.", output);
        Assert.Matches(@"--train <integer> +Training images per domain\. Default: 200\.", output);
    }

    [Fact]
    public void Plugin_command_reports_every_bad_argument_with_exit_code_2_and_does_nothing()
    {
        using var temp = new TemporaryDirectory();

        var (exitCode, output) = GanProcess.Run(temp.Path, "make-shapes-dataset", "shapes", "--sise", "8", "--train", "0");

        Assert.Equal(2, exitCode);
        Assert.Contains("gan make-shapes-dataset: unknown option '--sise'. Did you mean '--size'?", output, StringComparison.Ordinal);
        Assert.Contains("gan make-shapes-dataset: The field --train must be between 1 and 1000000.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("shapes")));
    }

    [Fact]
    public void Plugins_command_lists_components_with_their_options_and_defaults()
    {
        var (exitCode, output) = GanProcess.Run(Path.GetTempPath(), "plugins", "--component", "mnist");

        Assert.Equal(0, exitCode);
        Assert.Contains("Gan.Plugins.Mnist", output);
        Assert.Contains("latent_dim", output);
        Assert.Contains("[256, 512, 1024]", output);
    }

    [Fact]
    public void Interrupt_stops_training_with_exit_code_130_and_the_run_recorded_as_killed()
    {
        using var temp = new TemporaryDirectory();
        var experiment = TestExperiments.Mnist(temp, steps: 1_000_000);
        using var gan = GanProcess.Start(temp.Path, "run", experiment);
        var metrics = temp.Combine("mlruns");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(metrics) && Directory.EnumerateFiles(metrics, "d_loss", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0)))
        {
            Thread.Sleep(200);
        }

        gan.Signal("INT");
        var (exitCode, output) = gan.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 130, output);
        var reader = new FileStoreReader(metrics);
        var run = reader.ListRuns(reader.ListExperiments().Single(e => e.Name == "mnist-test").ExperimentId).Single();
        Assert.Equal(RunStatus.Killed, run.Status);
    }
}
