using System.Text.Json.Serialization;

namespace Gan.Tracking;

/// <summary>
/// One record waiting for the server, in memory and as a line of the spool's <c>records.jsonl</c>.
/// Artifacts keep their bytes in memory and in a <c>blobs/</c> file once spooled.
/// </summary>
internal sealed class SpoolLine
{
    public const string MetricKind = "metric";
    public const string ParamKind = "param";
    public const string TagKind = "tag";
    public const string ArtifactKind = "artifact";
    public const string DatasetKind = "dataset";
    public const string ModelKind = "model";
    public const string EndKind = "end";

    /// <summary>
    /// <c>metric</c>, <c>param</c>, <c>tag</c>, <c>artifact</c>, <c>dataset</c> (its log-inputs JSON in <see cref="Text"/>),
    /// <c>model</c> (its header in <see cref="Text"/>, its files zipped as the blob) or <c>end</c>.
    /// </summary>
    public required string Kind { get; init; }

    public string? Key { get; init; }

    public double? Value { get; init; }

    public long? Step { get; init; }

    public long Timestamp { get; init; }

    public string? Text { get; init; }

    /// <summary>The artifact's file under the spool's <c>blobs/</c> folder.</summary>
    public string? Blob { get; set; }

    /// <summary>For <c>end</c>: the final <see cref="RunStatus"/>.</summary>
    public int? Status { get; init; }

    [JsonIgnore]
    public byte[]? Content { get; set; }

    public bool IsBatchable => Kind is MetricKind or ParamKind or TagKind;

    public static SpoolLine From(in TrackingOperation op) => op.Kind switch
    {
        TrackingOperationKind.Metric => new SpoolLine { Kind = MetricKind, Key = op.Key, Value = op.Value, Step = op.Step, Timestamp = op.Timestamp },
        TrackingOperationKind.Param => new SpoolLine { Kind = ParamKind, Key = op.Key, Text = op.Text, Timestamp = op.Timestamp },
        TrackingOperationKind.Tag => new SpoolLine { Kind = TagKind, Key = op.Key, Text = op.Text, Timestamp = op.Timestamp },
        TrackingOperationKind.Artifact => new SpoolLine { Kind = ArtifactKind, Key = op.Key, Timestamp = op.Timestamp, Content = op.Content },
        TrackingOperationKind.Dataset => new SpoolLine { Kind = DatasetKind, Key = op.Key, Text = op.Text, Timestamp = op.Timestamp },
        TrackingOperationKind.Model => new SpoolLine { Kind = ModelKind, Key = op.Key, Text = op.Text, Timestamp = op.Timestamp, Content = op.Content },
        _ => new SpoolLine { Kind = EndKind, Status = (int)op.Step, Timestamp = op.Timestamp },
    };
}
