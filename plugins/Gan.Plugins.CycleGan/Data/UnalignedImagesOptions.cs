using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Abstractions;

namespace Gan.Plugins.CycleGan.Data;

/// <summary>Options of the <c>unaligned-images</c> data source (names and defaults as the reference's options).</summary>
public sealed class UnalignedImagesOptions : IValidatableObject
{
    /// <summary>The dataset root holding trainA, trainB, testA, testB; relative to data_root.</summary>
    [Description("Dataset root with trainA/, trainB/, testA/, testB/; relative to data_root unless absolute. Default: the dataset name.")]
    public string? Path { get; set; }

    /// <summary>A standard CycleGAN dataset name, downloaded into <see cref="Path"/> when missing and <see cref="Download"/> is on.</summary>
    [Description("Standard CycleGAN dataset name (horse2zebra, apple2orange, monet2photo, ...): downloaded when missing and download is on.")]
    public string? Dataset { get; set; }

    /// <summary>Whether a missing dataset is downloaded by name.</summary>
    [Description("Download the named dataset when its folder is missing.")]
    public bool Download { get; set; }

    /// <summary>Where datasets are downloaded from: BASE/NAME.zip.</summary>
    [OptionName("base_url"), Description("Base URL of the dataset zips (BASE/NAME.zip); the reference's server by default.")]
    public string BaseUrl { get; set; } = CycleGanDatasets.DefaultBaseUrl;

    /// <summary>Images per domain per batch (the paper: 1).</summary>
    [OptionName("batch_size"), Range(1, 4096), Description("Images of each domain per batch (the paper: 1).")]
    public int BatchSize { get; set; } = 1;

    /// <summary>Side images are resized to before cropping.</summary>
    [OptionName("load_size"), Range(4, 8192), Description("Resize images to load_size x load_size before cropping (the paper: 286).")]
    public int LoadSize { get; set; } = 286;

    /// <summary>Side of the random crop fed to the networks.</summary>
    [OptionName("crop_size"), Range(4, 8192), Description("Random crop_size x crop_size crop after resizing (the paper: 256); a multiple of 4.")]
    public int CropSize { get; set; } = 256;

    /// <summary>Turns off the random horizontal flip.</summary>
    [OptionName("no_flip"), Description("Do not mirror images at random.")]
    public bool NoFlip { get; set; }

    /// <summary>Skip unreadable images with a counted warning instead of stopping with an error.</summary>
    [OptionName("skip_bad_files"), Description("Skip corrupt or unreadable images with a counted warning instead of failing.")]
    public bool SkipBadFiles { get; set; }

    /// <summary>Use at most this many images per domain (the first, in name order).</summary>
    [OptionName("max_dataset_size"), Range(1, int.MaxValue), Description("Use at most this many images per domain (first in name order); default: all.")]
    public int? MaxDatasetSize { get; set; }

    /// <summary>Threads decoding one batch's images in parallel.</summary>
    [OptionName("decode_threads"), Range(1, 256), Description("Threads decoding one batch in parallel (the engine also prefetches batches). Default: CPU count.")]
    public int? DecodeThreads { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CropSize > LoadSize)
        {
            yield return new ValidationResult($"crop_size ({CropSize}) must not exceed load_size ({LoadSize}).", [nameof(CropSize)]);
        }

        if (CropSize % 4 != 0)
        {
            yield return new ValidationResult($"crop_size ({CropSize}) must be a multiple of 4: the generator down-samples twice by 2.", [nameof(CropSize)]);
        }

        if (string.IsNullOrWhiteSpace(Path) && string.IsNullOrWhiteSpace(Dataset))
        {
            yield return new ValidationResult("Give `path` (a folder with trainA/trainB) or `dataset` (a standard dataset name).", [nameof(Path)]);
        }

        if (Download && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"base_url '{BaseUrl}' is not an absolute URL.", [nameof(BaseUrl)]);
        }
    }
}
