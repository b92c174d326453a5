using System.Diagnostics;

namespace Gan.Tracking.Tests;

/// <summary>A test server, a spool folder and a REST store with short timings, disposed together.</summary>
internal sealed class RestFixture : IDisposable
{
    public RestFixture(Func<string, string?>? environment = null, TimeSpan? requestTimeout = null)
    {
        Server = new MlflowTestServer();
        Options = new MlflowRestOptions
        {
            SpoolDirectory = System.IO.Path.Combine(Temp.Path, "spool"),
            StartTimeout = TimeSpan.FromSeconds(1),
            RetryBudget = TimeSpan.FromMilliseconds(300),
            FlushTimeout = TimeSpan.FromSeconds(5),
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
        };
        Connection = MlflowConnection.Resolve(Server.Uri, environment ?? (_ => null), requestTimeout: requestTimeout ?? TimeSpan.FromSeconds(5));
        Store = new RestTrackingStore(Connection, Options, Logs);
    }

    public TemporaryDirectory Temp { get; } = new();

    public MlflowTestServer Server { get; }

    public MlflowRestOptions Options { get; }

    public MlflowConnection Connection { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public RestTrackingStore Store { get; }

    public Task<ITrackedRun> StartAsync(string experiment = "exp", string runName = "run", IReadOnlyDictionary<string, string>? tags = null, string? parent = null) =>
        Store.StartRunAsync(new RunStartRequest(experiment, runName, tags ?? new Dictionary<string, string>(), parent), CancellationToken.None);

    /// <summary>Waits for <paramref name="condition"/>; the cap only guards against a hang, it is not a timing assertion.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("Gave up waiting for: " + what);
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The steps of <paramref name="key"/> on the server, in the order the server received them.</summary>
    public IReadOnlyList<long> Steps(string runId, string key) =>
        Server.GetRun(runId).Metrics.Where(m => m.Key == key).Select(m => m.Step).ToList();

    public void Dispose()
    {
        Store.Dispose();
        Server.Dispose();
        Temp.Dispose();
    }
}
