using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Gan.Tracking;

/// <summary>
/// MLflow REST API 2.0 calls, one method per endpoint. Hand-written because the feed has no MLflow client for
/// .NET (only Flurl.Http 2.4.2 from 2019). Errors come back as <see cref="MlflowApiException"/>; transport
/// failures as <see cref="HttpRequestException"/> or a timeout's <see cref="TaskCanceledException"/>.
/// </summary>
internal sealed class MlflowRestClient
{
    /// <summary>MLflow's page limit for metric histories; without it some servers return nothing.</summary>
    public const int MaxHistoryPage = 25000;

    private const string Api = "api/2.0/mlflow/";
    private const string ArtifactsApi = "api/2.0/mlflow-artifacts/artifacts/";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly MlflowHttp _http;

    public MlflowRestClient(MlflowHttp http) => _http = http;

    public MlflowConnection Connection => _http.Connection;

    public async Task<ExperimentDto?> GetExperimentByNameAsync(string name, CancellationToken ct)
    {
        try
        {
            var response = await GetAsync($"experiments/get-by-name?experiment_name={Uri.EscapeDataString(name)}", MlflowJsonContext.Default.GetExperimentResponse, ct);
            return response.Experiment;
        }
        catch (MlflowApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ExperimentDto>> SearchExperimentsAsync(CancellationToken ct)
    {
        var result = new List<ExperimentDto>();
        string? token = null;
        do
        {
            var page = await PostAsync("experiments/search", new SearchExperimentsRequest(1000, token),
                MlflowJsonContext.Default.SearchExperimentsRequest, MlflowJsonContext.Default.SearchExperimentsResponse, ct);
            result.AddRange(page.Experiments ?? []);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    public async Task<string> CreateExperimentAsync(string name, CancellationToken ct) =>
        Required((await PostAsync("experiments/create", new CreateExperimentRequest(name),
            MlflowJsonContext.Default.CreateExperimentRequest, MlflowJsonContext.Default.CreateExperimentResponse, ct)).ExperimentId, "experiments/create");

    public async Task<RunDto> CreateRunAsync(CreateRunRequest request, CancellationToken ct) =>
        Valid((await PostAsync("runs/create", request, MlflowJsonContext.Default.CreateRunRequest, MlflowJsonContext.Default.RunResponse, ct)).Run, "runs/create");

    public Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken ct) =>
        PostAsync("runs/update", new UpdateRunRequest(runId, StatusName(status), endTime),
            MlflowJsonContext.Default.UpdateRunRequest, MlflowJsonContext.Default.EmptyResponse, ct);

    public async Task<RunDto> GetRunAsync(string runId, CancellationToken ct) =>
        Valid((await GetAsync($"runs/get?run_id={Uri.EscapeDataString(runId)}", MlflowJsonContext.Default.RunResponse, ct)).Run, "runs/get");

    // A 200 without the fields MLflow always sends comes from something in between (a proxy restarting): retry it.
    private static T Required<T>(T? value, string endpoint)
        where T : class =>
        value ?? throw new HttpRequestException($"{endpoint}: the answer lacks required fields");

    private static RunDto Valid(RunDto? run, string endpoint) =>
        run?.Info?.RunId is { Length: > 0 } && run.Info.ExperimentId is { Length: > 0 } ? run : throw new HttpRequestException($"{endpoint}: the answer lacks the run");

    public async Task<IReadOnlyList<RunDto>> SearchRunsAsync(string experimentId, CancellationToken ct)
    {
        var result = new List<RunDto>();
        string? token = null;
        do
        {
            var page = await PostAsync("runs/search", new SearchRunsRequest([experimentId], 1000, token, ["attributes.start_time ASC"]),
                MlflowJsonContext.Default.SearchRunsRequest, MlflowJsonContext.Default.SearchRunsResponse, ct);
            result.AddRange(page.Runs ?? []);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    /// <summary>POST <c>logged-models</c>: creates an MLflow 3 LoggedModel (PENDING).</summary>
    public async Task<LoggedModelInfoDto> CreateLoggedModelAsync(CreateLoggedModelRequest request, CancellationToken ct) =>
        (await PostAsync("logged-models", request, MlflowJsonContext.Default.CreateLoggedModelRequest, MlflowJsonContext.Default.LoggedModelResponse, ct)).Model.Info;

    /// <summary>PATCH <c>logged-models/{id}</c> with status READY.</summary>
    public async Task FinalizeLoggedModelAsync(string modelId, CancellationToken ct)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(
            new FinalizeLoggedModelRequest(modelId, "LOGGED_MODEL_READY"), MlflowJsonContext.Default.FinalizeLoggedModelRequest));
        content.Headers.ContentType = Json;
        await SendAsync(HttpMethod.Patch, Api + "logged-models/" + Uri.EscapeDataString(modelId), content, MlflowJsonContext.Default.LoggedModelResponse, ct);
    }

    /// <summary>GET <c>logged-models/{id}</c>; null when the server has no such model.</summary>
    public async Task<LoggedModelInfoDto?> GetLoggedModelAsync(string modelId, CancellationToken ct)
    {
        try
        {
            return (await GetAsync("logged-models/" + Uri.EscapeDataString(modelId), MlflowJsonContext.Default.LoggedModelResponse, ct)).Model.Info;
        }
        catch (MlflowApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <summary><c>runs/log-inputs</c>: one dataset input of a run.</summary>
    public Task LogInputsAsync(string runId, DatasetInputDto input, CancellationToken ct) =>
        PostAsync("runs/log-inputs", new LogInputsRequest(runId, [input]),
            MlflowJsonContext.Default.LogInputsRequest, MlflowJsonContext.Default.EmptyResponse, ct);

    /// <summary>Sends an already serialised <c>runs/log-batch</c> body (the chunker measured its size).</summary>
    public async Task LogBatchAsync(byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        await SendAsync(HttpMethod.Post, Api + "runs/log-batch", content, MlflowJsonContext.Default.EmptyResponse, ct);
    }

    public static byte[] SerializeBatch(LogBatchRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, MlflowJsonContext.Default.LogBatchRequest);

    public async Task<List<MetricDto>> GetMetricHistoryAsync(string runId, string key, CancellationToken ct)
    {
        var result = new List<MetricDto>();
        string? token = null;
        do
        {
            var query = string.Create(CultureInfo.InvariantCulture,
                $"metrics/get-history?run_id={Uri.EscapeDataString(runId)}&metric_key={Uri.EscapeDataString(key)}&max_results={MaxHistoryPage}");
            if (!string.IsNullOrEmpty(token))
            {
                query += "&page_token=" + Uri.EscapeDataString(token);
            }

            var page = await GetAsync(query, MlflowJsonContext.Default.MetricHistoryResponse, ct);
            result.AddRange(page.Metrics ?? []);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    /// <summary>Uploads through the artifact proxy; <paramref name="artifactRoot"/> is the path part of <c>mlflow-artifacts:/...</c>.</summary>
    public async Task UploadArtifactAsync(string artifactRoot, string path, byte[] bytes, CancellationToken ct)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "application/octet-stream");
        await SendAsync(HttpMethod.Put, ArtifactsApi + EscapePath(artifactRoot + "/" + path), content, MlflowJsonContext.Default.EmptyResponse, ct);
    }

    public async Task<byte[]> DownloadArtifactAsync(string artifactRoot, string path, CancellationToken ct)
    {
        using var client = _http.CreateClient();
        using var response = await client.GetAsync(ArtifactsApi + EscapePath(artifactRoot + "/" + path), ct);
        await ThrowIfErrorAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async Task<IReadOnlyList<FileInfoDto>> ListArtifactsAsync(string runId, string? path, CancellationToken ct)
    {
        var query = $"artifacts/list?run_id={Uri.EscapeDataString(runId)}";
        if (!string.IsNullOrEmpty(path))
        {
            query += "&path=" + Uri.EscapeDataString(path);
        }

        return (await GetAsync(query, MlflowJsonContext.Default.ListArtifactsResponse, ct)).Files ?? [];
    }

    /// <summary>The proxy path of an <c>mlflow-artifacts:</c> URI (<c>mlflow-artifacts:/1/abc/artifacts</c> → <c>1/abc/artifacts</c>), or null.</summary>
    public static string? ArtifactProxyPath(string? artifactUri)
    {
        const string scheme = "mlflow-artifacts:";
        if (artifactUri is null || !artifactUri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = artifactUri[scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // mlflow-artifacts://host:port/path: the path after the authority.
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        return rest.Trim('/');
    }

    public static string StatusName(RunStatus status) => status.ToString().ToUpperInvariant();

    public static RunStatus ParseStatus(string? status) =>
        Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) ? parsed : RunStatus.Running;

    private static string EscapePath(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private Task<TResponse> GetAsync<TResponse>(string relative, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, Api + relative, null, responseType, ct);

    private async Task<TResponse> PostAsync<TRequest, TResponse>(
        string relative, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = Json;
        return await SendAsync(HttpMethod.Post, Api + relative, content, responseType, ct);
    }

    private async Task<TResponse> SendAsync<TResponse>(HttpMethod method, string relative, HttpContent? content, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using var client = _http.CreateClient();
        using var request = new HttpRequestMessage(method, relative) { Content = content };
        using var response = await client.SendAsync(request, ct);
        await ThrowIfErrorAsync(response, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0)
        {
            bytes = "{}"u8.ToArray();
        }

        return JsonSerializer.Deserialize(bytes, responseType)
            ?? throw new MlflowApiException(response.StatusCode, "EMPTY_RESPONSE", $"{relative} returned no body");
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(ct);
        string code = response.StatusCode.ToString();
        string message = text.Length > 500 ? text[..500] : text;
        try
        {
            if (JsonSerializer.Deserialize(text, MlflowJsonContext.Default.ErrorResponse) is { } error)
            {
                code = error.ErrorCode ?? code;
                message = error.Message ?? message;
            }
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer in HTML; keep the text.
        }

        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        throw new MlflowApiException(response.StatusCode, code, message.Length == 0 ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : message, retryAfter);
    }

    /// <summary>True for failures worth retrying: connection errors, timeouts, 429 and 5xx.</summary>
    public static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        MlflowApiException api => api.IsRetryable,
        HttpRequestException => true,
        TaskCanceledException or TimeoutException => !ct.IsCancellationRequested,
        IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    public static string Describe(Exception ex) => ex switch
    {
        MlflowApiException api => api.Message,
        TaskCanceledException => "timed out",
        HttpRequestException http when http.StatusCode is { } status => $"HTTP {(int)status}",
        _ => ex.Message,
    };

}
