using System.Text.Json;
using Gan.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Gan.Engine.Tests.Tracking;

/// <summary>
/// A tracking backend as a plugin would write one, for <c>jsonl:///abs/file.jsonl</c>: every call of every run is one
/// JSON line of the file. Registered by <see cref="JsonlTrackingPlugin"/>.
/// </summary>
internal sealed class JsonlTrackingBackend : ITrackingBackend
{
    public IReadOnlyCollection<string> Schemes { get; } = ["jsonl"];

    public void Validate(Uri uri)
    {
        if (!uri.AbsolutePath.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            throw new GanInputException($"jsonl tracking needs a .jsonl file, not '{uri.AbsolutePath}'.");
        }
    }

    public string Describe(Uri uri) => $"JSON lines at {uri.AbsolutePath}";

    public Task<ITrackingBackendRun> StartRunAsync(TrackingBackendRunRequest request, CancellationToken cancellationToken)
    {
        var run = new Run(request.Uri.AbsolutePath, Guid.NewGuid().ToString("N"));
        run.Write(new { @event = "start", request.ExperimentName, request.RunName, request.Tags, request.ParentRunId });
        return Task.FromResult<ITrackingBackendRun>(run);
    }

    /// <summary>The lines of <paramref name="path"/>, parsed.</summary>
    public static List<JsonElement> Read(string path) =>
        [.. File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement)];

    private sealed class Run(string path, string runId) : ITrackingBackendRun
    {
        private static readonly Lock Gate = new();

        public string RunId => runId;

        public void LogMetric(string key, double value, long step) => Write(new { @event = "metric", key, value, step });

        public void LogMetrics(IReadOnlyDictionary<string, double> values, long step)
        {
            foreach (var (key, value) in values)
            {
                LogMetric(key, value, step);
            }
        }

        public void LogParam(string key, string value) => Write(new { @event = "param", key, value });

        public void SetTag(string key, string value) => Write(new { @event = "tag", key, value });

        public void LogArtifact(string artifactPath, byte[] content) => Write(new { @event = "artifact", path = artifactPath });

        public void LogImage(string key, byte[] png, long step) => Write(new { @event = "image", key, step });

        public Task EndAsync(string status, CancellationToken cancellationToken)
        {
            Write(new { @event = "end", status });
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Write(object record)
        {
            var line = JsonSerializer.Serialize(new { run = runId, record });
            lock (Gate)
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }
}
