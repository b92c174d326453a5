using System.Globalization;

namespace Gan.Tracking;

/// <summary>
/// Where and how to reach an MLflow server, resolved as MLflow's Python client does from
/// <c>MLFLOW_TRACKING_TOKEN</c> (bearer) or <c>MLFLOW_TRACKING_USERNAME</c>/<c>MLFLOW_TRACKING_PASSWORD</c> (basic),
/// <c>MLFLOW_TRACKING_INSECURE_TLS</c> and <c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>. Credentials are kept here only:
/// <see cref="ToString"/> and <see cref="DisplayUri"/> never show them.
/// </summary>
public sealed class MlflowConnection
{
    /// <summary>Bearer token variable.</summary>
    public const string TokenVariable = "MLFLOW_TRACKING_TOKEN";

    /// <summary>Basic-auth user variable.</summary>
    public const string UsernameVariable = "MLFLOW_TRACKING_USERNAME";

    /// <summary>Basic-auth password variable.</summary>
    public const string PasswordVariable = "MLFLOW_TRACKING_PASSWORD";

    /// <summary>Skip TLS certificate checks (self-signed servers).</summary>
    public const string InsecureTlsVariable = "MLFLOW_TRACKING_INSECURE_TLS";

    /// <summary>Per-request timeout in seconds (MLflow's own variable).</summary>
    public const string RequestTimeoutVariable = "MLFLOW_HTTP_REQUEST_TIMEOUT";

    /// <summary>Creates a connection; prefer <see cref="Resolve"/>.</summary>
    public MlflowConnection(Uri baseUri, string? token = null, string? username = null, string? password = null, bool insecureTls = false, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Not an http(s) URI: {baseUri.Scheme}://", nameof(baseUri));
        }

        // Path-prefixed servers (https://host/mlflow) keep their prefix: API paths are appended to it.
        var builder = new UriBuilder(baseUri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        BaseUri = builder.Uri;
        Token = string.IsNullOrEmpty(token) ? null : token;
        Username = string.IsNullOrEmpty(username) ? null : username;
        Password = password;
        InsecureTls = insecureTls;
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The server's base URI without credentials, ending in <c>/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The base URI as shown to people and stored in spool manifests (no credentials).</summary>
    public string DisplayUri => BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Bearer token, if any.</summary>
    internal string? Token { get; }

    /// <summary>Basic-auth user, if any.</summary>
    internal string? Username { get; }

    /// <summary>Basic-auth password, if any.</summary>
    internal string? Password { get; }

    /// <summary>Accept any server certificate.</summary>
    public bool InsecureTls { get; }

    /// <summary>Longest a single request may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Which kind of credentials are configured, for messages: "bearer token", "basic auth" or "none".</summary>
    public string AuthenticationKind => Token is not null ? "bearer token" : Username is not null ? "basic auth" : "none";

    /// <summary>
    /// Resolves the connection for <paramref name="uri"/> from <paramref name="environment"/> (a variable look-up,
    /// normally <see cref="Environment.GetEnvironmentVariable(string)"/>). Credentials in the URI's user-info part
    /// become basic auth, as in MLflow. <paramref name="insecureTls"/> overrides the variable when set.
    /// </summary>
    public static MlflowConnection Resolve(string uri, Func<string, string?> environment, bool? insecureTls = null, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parsed = new Uri(uri, UriKind.Absolute);
        string? username = environment(UsernameVariable);
        string? password = environment(PasswordVariable);
        if (parsed.UserInfo.Length > 0 && string.IsNullOrEmpty(username))
        {
            var parts = parsed.UserInfo.Split(':', 2);
            username = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var insecure = insecureTls ?? IsTrue(environment(InsecureTlsVariable));
        var timeout = requestTimeout;
        if (timeout is null && double.TryParse(environment(RequestTimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(seconds);
        }

        return new MlflowConnection(parsed, environment(TokenVariable), username, password, insecure, timeout);
    }

    /// <summary>The URI and the kind of authentication, never the secrets.</summary>
    public override string ToString() => $"{DisplayUri} (auth: {AuthenticationKind})";

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
