using System.Text;

namespace Gan.Tracking.Tests;

public sealed class RestAuthenticationTests
{
    private const string Token = "tok-SECRET-123";
    private const string Password = "pw-SECRET-456";

    [Fact]
    public async Task Bearer_token_from_the_environment_is_sent_on_every_request()
    {
        using var f = new RestFixture(name => name == MlflowConnection.TokenVariable ? Token : null);
        var run = await f.StartAsync();
        run.LogMetric("loss", 1, 0);
        run.LogArtifact("a.txt", [1]);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        Assert.NotEmpty(f.Server.Requests);
        Assert.All(f.Server.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public async Task Username_and_password_become_basic_auth_and_appear_nowhere_else()
    {
        using var f = new RestFixture(name => name switch
        {
            MlflowConnection.UsernameVariable => "alice",
            MlflowConnection.PasswordVariable => Password,
            _ => null,
        });
        f.Options.FlushTimeout = TimeSpan.FromMilliseconds(200);
        var run = await f.StartAsync();
        run.LogParam("lr", "0.1");
        run.LogMetric("loss", 1, 0);
        await RestFixture.WaitUntilAsync(() => f.Server.GetRun(run.RunId).Metrics.Count == 1, "first metric");
        f.Server.Down = true;
        run.LogMetric("loss", 2, 1);
        await run.EndAsync(RunStatus.Finished, CancellationToken.None);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + Password));
        Assert.All(f.Server.Requests, r => Assert.Equal(expected, r.Authorization));

        var recorded = f.Server.GetRun(run.RunId);
        Assert.DoesNotContain(recorded.Params.Values.Concat(recorded.Tags.Values), v => v.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, f.Store.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, f.Connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(f.Logs.Entries, e => e.Message.Contains(Password, StringComparison.Ordinal) || e.Message.Contains(expected[6..], StringComparison.Ordinal));
        var spoolFiles = Directory.GetFiles(f.Options.SpoolDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(spoolFiles);
        Assert.All(spoolFiles, file => Assert.DoesNotContain(Password, File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_in_the_uri_become_basic_auth_and_leave_the_displayed_uri()
    {
        var connection = MlflowConnection.Resolve("https://bob:" + Password + "@mlflow.example:8443/prefix", _ => null);
        Assert.Equal("https://mlflow.example:8443/prefix", connection.DisplayUri);
        Assert.Equal("basic auth", connection.AuthenticationKind);
        Assert.DoesNotContain(Password, connection.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://mlflow.example:8443/prefix/", connection.BaseUri.ToString());
    }

    [Fact]
    public void Insecure_tls_and_request_timeout_follow_mlflow_variables()
    {
        var connection = MlflowConnection.Resolve("http://127.0.0.1:5000", name => name switch
        {
            MlflowConnection.InsecureTlsVariable => "true",
            MlflowConnection.RequestTimeoutVariable => "7",
            _ => null,
        });
        Assert.True(connection.InsecureTls);
        Assert.Equal(TimeSpan.FromSeconds(7), connection.RequestTimeout);
        Assert.False(MlflowConnection.Resolve("http://127.0.0.1:5000", _ => "true", insecureTls: false).InsecureTls);
    }
}
