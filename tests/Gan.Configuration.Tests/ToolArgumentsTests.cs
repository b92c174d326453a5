using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Configuration.Tests;

public class ToolArgumentsTests
{
    private static readonly ToolContext Context = new(null!, NullLoggerFactory.Instance, null!, TextReader.Null, TextWriter.Null);

    [Fact]
    public void Options_values_flags_and_the_positional_argument_bind_to_the_options_class()
    {
        var options = Bind("out", "--lambda-a", "2.5", "--steps=7", "--verbose", "--mode", "fast");

        Assert.Equal(("out", 2.5, 7, true, Mode.Fast), (options.Folder, options.LambdaA, options.Steps, options.Verbose, options.Mode));
    }

    [Fact]
    public void A_flag_takes_an_explicit_boolean_and_leaves_other_words_to_the_positional()
    {
        Assert.False(Bind("out", "--verbose", "false").Verbose);
        Assert.Equal("out", Bind("--verbose", "out").Folder);
    }

    [Fact]
    public void Values_keep_the_text_typed_and_everything_after_a_double_dash_is_bare()
    {
        var options = Bind("--name", "null", "--", "--folder-named-like-an-option");

        Assert.Equal(("null", "--folder-named-like-an-option"), (options.Name, options.Folder));
    }

    [Fact]
    public void Unknown_option_is_named_with_the_closest_option_and_all_allowed_ones()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("out", "--lamda-a", "2"));

        Assert.Equal(
            "gan demo: unknown option '--lamda-a'. Did you mean '--lambda-a'? Allowed options: --folder, --lambda-a, --mode, --name, --steps, --verbose",
            error.Message);
    }

    [Fact]
    public void Bad_type_range_and_cross_option_errors_are_reported_together()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("out", "--steps", "many", "--lambda-a", "-1", "--mode", "slow", "--name", "x", "extra"));

        Assert.Equal(
            [
                "gan demo: unexpected argument 'extra': FOLDER is given already",
                "gan demo: expected an integer for --steps, got 'many'",
                "gan demo: unknown value 'slow' for --mode. Allowed values: fast, careful",
                "gan demo: The field --lambda-a must be between 0 and 100.",
                "gan demo: --name: must be longer than one letter",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_missing_required_option_and_a_value_missing_after_an_option_are_errors()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind("--steps"));

        Assert.Equal(["gan demo: --steps needs a value", "gan demo: The --folder field is required."], error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Help_lists_every_option_with_its_type_description_and_default()
    {
        var help = ToolInvocation.Help(new DemoTool());

        Assert.Equal(
            """
            Does a demonstration.

            Usage: gan demo FOLDER [options]

            Options:
              FOLDER, --folder <string>  Where the output goes. Required.
              --lambda-a <number>        Weight of the A term. Default: 10.0.
              --steps <integer>          Steps to take. Default: 3.
              --verbose                  Say more.
              --mode <fast|careful>      How to go about it. Default: careful.
              --name <string>            A name.
              -h, --help                 Show this help.

            """.ReplaceLineEndings(),
            help);
    }

    [Fact]
    public async Task A_typed_tool_runs_with_bound_options()
    {
        var tool = new DemoTool();

        var exit = await ToolInvocation.RunAsync(tool, ["out", "--steps", "4"], Context, CancellationToken.None);

        Assert.Equal(4, exit);
        Assert.Equal("out", tool.Received!.Folder);
    }

    [Fact]
    public async Task A_typed_tool_called_with_raw_arguments_says_the_host_binds_them()
    {
        IGanTool tool = new DemoTool();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => tool.RunAsync(["out"], Context, CancellationToken.None));

        Assert.Contains("the host binds its arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contracts_1_0_tool_gets_its_raw_arguments_and_shows_its_own_usage()
    {
        var tool = new RawTool();

        var exit = await ToolInvocation.RunAsync(tool, ["--anything", "goes", "--lamda-a"], Context, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(["--anything", "goes", "--lamda-a"], tool.Received);
        Assert.Equal($"Raw.{Environment.NewLine}{Environment.NewLine}gan raw ANYTHING{Environment.NewLine}", ToolInvocation.Help(tool));
    }

    private static DemoOptions Bind(params string[] arguments) =>
        (DemoOptions)ToolArguments.Bind(typeof(DemoOptions), "demo", nameof(DemoOptions.Folder), arguments);

    public enum Mode
    {
        Fast,
        Careful,
    }

    public sealed class DemoOptions : IValidatableObject
    {
        [Required, Description("Where the output goes.")]
        public string Folder { get; set; } = "";

        [Range(0.0, 100.0), Description("Weight of the A term.")]
        public double LambdaA { get; set; } = 10;

        [Description("Steps to take.")]
        public int Steps { get; set; } = 3;

        [Description("Say more.")]
        public bool Verbose { get; set; }

        [Description("How to go about it.")]
        public Mode Mode { get; set; } = Mode.Careful;

        [Description("A name.")]
        public string? Name { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Name?.Length == 1)
            {
                yield return new ValidationResult("must be longer than one letter", [nameof(Name)]);
            }
        }
    }

    private sealed class DemoTool : GanTool<DemoOptions>
    {
        public override string Name => "demo";

        public override string Description => "Does a demonstration.";

        public override string? PositionalOption => nameof(DemoOptions.Folder);

        public DemoOptions? Received { get; private set; }

        protected override Task<int> RunAsync(DemoOptions options, ToolContext context, CancellationToken cancellationToken)
        {
            Received = options;
            return Task.FromResult(options.Steps);
        }
    }

    // Built as a contracts 1.0 plugin's tool is: IGanTool only, parsing its own arguments.
    private sealed class RawTool : IGanTool
    {
        public string Name => "raw";

        public string Description => "Raw.";

        public string Usage => "gan raw ANYTHING";

        public IReadOnlyList<string>? Received { get; private set; }

        public Task<int> RunAsync(IReadOnlyList<string> arguments, ToolContext context, CancellationToken cancellationToken)
        {
            Received = arguments;
            return Task.FromResult(0);
        }
    }
}
