namespace Gan.Plugins.Mnist;

/// <summary>One of the four files MNIST is distributed as, with the checksums a download is verified against.</summary>
/// <param name="Name">The uncompressed file name, for example <c>train-images-idx3-ubyte</c>.</param>
/// <param name="GzipMd5">MD5 of the original <c>.gz</c> file, as torchvision lists it.</param>
/// <param name="ContentSha256">SHA-256 of the uncompressed content.</param>
/// <remarks>
/// Two checksums because the same data circulates with different gzip encodings: torchvision's MD5s cover the
/// original archives on the mirrors, while a re-compressed copy (such as <c>../shared/data/mnist</c>, gzipped
/// with <c>gzip -9 -n</c>) has another MD5 but identical content. A download passes when either matches.
/// </remarks>
internal sealed record MnistFile(string Name, string GzipMd5, string ContentSha256)
{
    /// <summary>The name of the compressed file on the mirrors.</summary>
    public string GzipName => Name + ".gz";

    /// <summary>Training images, 60,000 × 28 × 28.</summary>
    public static MnistFile TrainImages { get; } = new(
        "train-images-idx3-ubyte",
        "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");

    /// <summary>Training labels, 60,000.</summary>
    public static MnistFile TrainLabels { get; } = new(
        "train-labels-idx1-ubyte",
        "d53e105ee54ea40749a09fcbcd1e9432",
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

    /// <summary>Test images, 10,000 × 28 × 28.</summary>
    public static MnistFile TestImages { get; } = new(
        "t10k-images-idx3-ubyte",
        "9fb629c4189551a2d022fa330f9573f3",
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");

    /// <summary>Test labels, 10,000.</summary>
    public static MnistFile TestLabels { get; } = new(
        "t10k-labels-idx1-ubyte",
        "ec29112dd5afa0611ce80d1b7f02629c",
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /// <summary>The four files.</summary>
    public static IReadOnlyList<MnistFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>The existing copy in <paramref name="folder"/>, gzipped or raw, or null when there is none.</summary>
    public string? Find(string folder)
    {
        foreach (var candidate in new[] { GzipName, Name })
        {
            var path = System.IO.Path.Combine(folder, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
