using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.CycleGan.Tools;

/// <summary>Options of <c>gan translate</c>.</summary>
internal sealed class TranslateOptions : IValidatableObject
{
    [Description("What to load: a run id (looked up under ./checkpoints), a checkpoint folder, or a logged model (runs:/RUN_ID/models/STAGE/G_A, models:/m-...).")]
    public string? Run { get; set; }

    [Description("The same as --run; reads better with a logged model's URI.")]
    public string? Model { get; set; }

    [Required, Description("AtoB translates with G_A, BtoA with G_B.")]
    public string Direction { get; set; } = "";

    [Required, Description("Folder of .jpg, .jpeg, .png or .bmp images to translate.")]
    public string Input { get; set; } = "";

    [Required, Description("Folder for the translated images; each keeps its file name, size and format (others than JPEG become PNG).")]
    public string Output { get; set; } = "";

    [Range(4, 8192), Description("Side the generator sees (a multiple of 4); default: the run's crop_size. Outputs keep the input size.")]
    public int? Size { get; set; }

    [Description("cpu or cuda[:N].")]
    public string Device { get; set; } = "cpu";

    /// <summary>What to load: <see cref="Model"/> or <see cref="Run"/>, whichever is given.</summary>
    public string Source => Model ?? Run!;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Run is null) == (Model is null))
        {
            yield return new ValidationResult("give what to translate with: --run RUN_ID|CHECKPOINT_DIR or --model URI (one of them)");
        }

        if (Direction.Length > 0 && Direction is not ("AtoB" or "BtoA"))
        {
            yield return new ValidationResult($"must be AtoB or BtoA; got '{Direction}'", [nameof(Direction)]);
        }

        if (Size % 4 is > 0)
        {
            yield return new ValidationResult($"must be a multiple of 4; got {Size}", [nameof(Size)]);
        }
    }
}
