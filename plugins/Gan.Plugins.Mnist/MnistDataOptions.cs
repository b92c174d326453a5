using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Options of the <c>mnist</c> data source.</summary>
public sealed class MnistDataOptions : IValidatableObject
{
    /// <summary>The folder holding the four IDX files (gzipped or not); relative paths are resolved against <c>data_root</c>.</summary>
    [Description("Folder with the MNIST IDX files (.gz or raw); relative to data_root unless absolute.")]
    [Required]
    public string Path { get; set; } = "mnist";

    /// <summary>Examples per batch; the last, partial batch of an epoch is kept.</summary>
    [Description("Examples per batch (the classic tutorial uses 64); the last partial batch is kept.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Whether each epoch visits the examples in a new order, fixed by the seed and the epoch number.</summary>
    [Description("Shuffle every epoch, in an order fixed by the seed and the epoch number.")]
    public bool Shuffle { get; set; } = true;

    /// <summary>Whether missing files are downloaded from <see cref="Mirrors"/>.</summary>
    [Description("Download missing files from the mirrors.")]
    public bool Download { get; set; } = true;

    /// <summary>Base URLs tried in order for each missing file (torchvision's list).</summary>
    [Description("Base URLs tried in order for each missing .gz file.")]
    public List<string> Mirrors { get; set; } =
    [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ];

    /// <summary>Whether downloads are checked against the known checksums before they are kept.</summary>
    [Description("Check downloaded files against the known MD5 (or content SHA-256) before keeping them.")]
    public bool VerifyChecksums { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var mirror in Mirrors ?? [])
        {
            if (!Uri.TryCreate(mirror, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Mirror '{mirror}' is not an absolute http(s) URL.", [nameof(Mirrors)]);
            }
        }
    }
}
