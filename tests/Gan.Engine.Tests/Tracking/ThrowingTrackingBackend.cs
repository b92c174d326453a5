using Gan.Abstractions;

namespace Gan.Engine.Tests.Tracking;

/// <summary>A backend for <c>throwing:</c> URIs whose runs start and then throw on every call.</summary>
internal sealed class ThrowingTrackingBackend : ITrackingBackend
{
    public IReadOnlyCollection<string> Schemes { get; } = ["throwing"];

    public void Validate(Uri uri)
    {
    }

    public string Describe(Uri uri) => "the throwing tracker";

    public Task<ITrackingBackendRun> StartRunAsync(TrackingBackendRunRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<ITrackingBackendRun>(new Run());

    private sealed class Run : ITrackingBackendRun
    {
        public string RunId => "throwing";

        public void LogMetric(string key, double value, long step) => throw new IOException("disk gone");

        public void LogMetrics(IReadOnlyDictionary<string, double> values, long step) => throw new IOException("disk gone");

        public void LogParam(string key, string value) => throw new IOException("disk gone");

        public void SetTag(string key, string value) => throw new IOException("disk gone");

        public void LogArtifact(string artifactPath, byte[] content) => throw new IOException("disk gone");

        public void LogImage(string key, byte[] png, long step) => throw new IOException("disk gone");

        public Task EndAsync(string status, CancellationToken cancellationToken) => throw new IOException("disk gone");

        public ValueTask DisposeAsync() => throw new IOException("disk gone");
    }
}
