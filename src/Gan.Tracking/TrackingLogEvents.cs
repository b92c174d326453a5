using Microsoft.Extensions.Logging;

namespace Gan.Tracking;

/// <summary>Event ids of the tracking log messages, so operators can filter them.</summary>
internal static class TrackingLogEvents
{
    public static readonly EventId KeySanitized = new(4100, nameof(KeySanitized));
    public static readonly EventId ParamConflict = new(4101, nameof(ParamConflict));
    public static readonly EventId ValueTruncated = new(4102, nameof(ValueTruncated));
    public static readonly EventId LoggedAfterEnd = new(4103, nameof(LoggedAfterEnd));
    public static readonly EventId InvalidArtifactPath = new(4104, nameof(InvalidArtifactPath));
    public static readonly EventId WriteFailed = new(4105, nameof(WriteFailed));
    public static readonly EventId EndTimedOut = new(4106, nameof(EndTimedOut));
    public static readonly EventId CallFailed = new(4107, nameof(CallFailed));
    public static readonly EventId StoreCreated = new(4108, nameof(StoreCreated));
    public static readonly EventId RemoteArtifactLocation = new(4109, nameof(RemoteArtifactLocation));
    public static readonly EventId Refused = new(4110, nameof(Refused));
    public static readonly EventId Spooling = new(4111, nameof(Spooling));
    public static readonly EventId Replayed = new(4112, nameof(Replayed));
    public static readonly EventId LeftSpooled = new(4113, nameof(LeftSpooled));
    public static readonly EventId TrackerFailed = new(4114, nameof(TrackerFailed));
}
