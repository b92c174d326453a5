namespace Gan.Abstractions;

/// <summary>A rendered sample file.</summary>
/// <param name="Key">A stable name across steps, for example "samples"; images are grouped by it in the MLflow UI.</param>
/// <param name="FileExtension">The file type, without a dot: "png", "mid", "txt".</param>
/// <param name="Content">The file's bytes.</param>
public sealed record SampleArtifact(string Key, string FileExtension, byte[] Content)
{
    /// <summary>Whether the MLflow image gallery can show this artifact.</summary>
    public bool IsImage => FileExtension is "png" or "jpg" or "jpeg";
}
