using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Plugins.Text.Networks;

namespace Gan.Plugins.Text.Tools;

/// <summary>Options of <c>gan answer</c>. Decoding is greedy unless <c>--beam</c> or <c>--sample</c> is given.</summary>
internal sealed class AnswerOptions : IValidatableObject
{
    [Description("What to load: a run id (looked up under ./checkpoints), a checkpoint folder, or a logged model (runs:/RUN_ID/models/STAGE/generator, models:/m-...).")]
    public string? Run { get; set; }

    [Description("The same as --run; reads better with a logged model's URI.")]
    public string? Model { get; set; }

    [Description("Questions, one per line (blank lines skipped); default: standard input, answered line by line until its end.")]
    public string? File { get; set; }

    [Range(1, 1024), Description("Beam search with this many hypotheses.")]
    public int? Beam { get; set; }

    [Description("Sample tokens (with --temperature and --top-k) rather than decode greedily.")]
    public bool Sample { get; set; }

    [Range(0.01, 100.0), Description("With --sample: the softmax temperature; lower is more conservative.")]
    public double Temperature { get; set; } = 0.8;

    [Range(0, 1_000_000), Description("With --sample: sample among the K most likely tokens; 0 = all.")]
    public int TopK { get; set; } = 10;

    [Range(0, int.MaxValue), Description("Random seed for --sample.")]
    public int Seed { get; set; }

    [Description("The network instance to load.")]
    public string Generator { get; set; } = "generator";

    [Description("cpu or cuda[:N].")]
    public string Device { get; set; } = "cpu";

    /// <summary>What to load: <see cref="Model"/> or <see cref="Run"/>, whichever is given.</summary>
    public string Source => Model ?? Run!;

    /// <summary>How answers are decoded.</summary>
    public DecodingSettings Decoding => Beam is { } width ? new DecodingSettings(DecodingMethod.Beam, BeamSize: width)
        : Sample ? new DecodingSettings(DecodingMethod.Sample, Temperature: Temperature, TopK: TopK)
        : new DecodingSettings(DecodingMethod.Greedy);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Run is null) == (Model is null))
        {
            yield return new ValidationResult("give what to answer with: --run RUN_ID|CHECKPOINT_DIR or --model URI (one of them)");
        }

        if (Beam is not null && Sample)
        {
            yield return new ValidationResult("give --beam or --sample, not both");
        }
    }
}
