using Gan.Abstractions;
using Gan.Tracking.Sqlite;

namespace Gan.Tracking.Tests.Providers;

public sealed class TrackingProviderRegistryTests
{
    private readonly TrackingProviderRegistry _registry = TrackingProviderRegistry.WithBuiltIns(null);

    [Theory]
    [InlineData("sqlite:///runs/mlflow.db", typeof(SqliteTrackingStore))]
    [InlineData("SQLITE:////tmp/abs.db", typeof(SqliteTrackingStore))]
    [InlineData("file:///tmp/mlruns", typeof(FileTrackingStore))]
    [InlineData("file:relative/mlruns", typeof(FileTrackingStore))]
    [InlineData("mlruns", typeof(FileTrackingStore))]
    [InlineData("/tmp/some folder/mlruns", typeof(FileTrackingStore))]
    [InlineData("http://localhost:5000", typeof(RestTrackingStore))]
    [InlineData("https://mlflow.example.org/prefix", typeof(RestTrackingStore))]
    public void Each_built_in_store_is_picked_by_its_uri(string uri, Type store) =>
        Assert.IsType(store, _registry.Create(new TrackingTarget(uri)));

    [Fact]
    public void A_scheme_no_provider_handles_is_refused_naming_the_schemes_there_are()
    {
        var error = Assert.Throws<GanInputException>(() => _registry.Create(new TrackingTarget("tb:///x")));

        Assert.Equal("tracking.uri 'tb:///x' has scheme 'tb', which no tracking provider handles; available: sqlite, file (or a folder), "
            + "http, https — a plugin may add more.", error.Message);
    }

    [Fact]
    public void An_unknown_uri_is_shown_without_its_credentials()
    {
        var error = Assert.Throws<GanInputException>(() => _registry.Validate(new TrackingTarget("ftp://me:secret@host/x") { Setting = "tracking.also.0" }));

        Assert.StartsWith("tracking.also.0 'ftp://host/x' has scheme 'ftp'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_written_in_the_experiment_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<GanInputException>(() =>
            _registry.Validate(new TrackingTarget("https://me:secret@mlflow.example.org") { Setting = "tracking.also.1", Configured = true }));

        Assert.StartsWith("tracking.also.1 carries credentials", error.Message, StringComparison.Ordinal);
        _registry.Validate(new TrackingTarget("https://me:secret@mlflow.example.org"));  // from MLFLOW_TRACKING_URI: allowed
    }

    [Fact]
    public void A_plugin_backend_adds_its_scheme_but_cannot_take_a_built_in_one()
    {
        var registry = TrackingProviderRegistry.WithBuiltIns(null, [new BackendTrackingProvider(new SchemeOnlyBackend("mem", "sqlite"))]);

        Assert.Equal("in memory", registry.Create(new TrackingTarget("mem://runs")).Description);
        Assert.IsType<SqliteTrackingStore>(registry.Create(new TrackingTarget("sqlite:///x.db")));
    }

    [Theory]
    [InlineData("sqlite:///x.db", "sqlite")]
    [InlineData("HTTP://host", "http")]
    [InlineData("mlruns", null)]
    [InlineData("C:\\runs", null)]
    [InlineData("./a:b", null)]
    public void The_scheme_of_a_uri_is_read_as_rfc_3986_spells_it(string uri, string? scheme) =>
        Assert.Equal(scheme, TrackingProviderRegistry.SchemeOf(uri));

    private sealed class SchemeOnlyBackend(params string[] schemes) : ITrackingBackend
    {
        public IReadOnlyCollection<string> Schemes => schemes;

        public void Validate(Uri uri)
        {
        }

        public string Describe(Uri uri) => "in memory";

        public Task<ITrackingBackendRun> StartRunAsync(TrackingBackendRunRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
