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

    [Description("A generator's weights file instead of a run: a PyTorch state_dict (e.g. pytorch-CycleGAN-and-pix2pix's latest_net_G_A.pth), a safetensors file or an exported one. It translates as it was trained; --direction is then only a label.")]
    public string? Weights { get; set; }

    [Range(1, 64), Description("With --weights: the ResNet generator's residual blocks (9 for resnet_9blocks, 6 for resnet_6blocks).")]
    public int Blocks { get; set; } = 9;

    [Range(1, 1024), Description("With --weights: the generator's ngf (filters of its first layer).")]
    public int Ngf { get; set; } = 64;

    [Description("AtoB translates with G_A, BtoA with G_B (required with a run).")]
    public string Direction { get; set; } = "AtoB";

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

    /// <summary>True when translating with a weights file rather than a run.</summary>
    public bool FromWeightsFile => Weights is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (new[] { Run, Model, Weights }.Count(s => s is not null) != 1)
        {
            yield return new ValidationResult("give what to translate with: --run RUN_ID|CHECKPOINT_DIR, --model URI or --weights FILE (one of them)");
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
