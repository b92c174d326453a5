using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gan.Tracking.Tests;

/// <summary>
/// An in-process MLflow tracking server on 127.0.0.1 (HttpListener), following MLflow 3.x's REST shapes and the
/// protocol facts observed on a real server: error bodies <c>{"error_code","message"}</c>, RESOURCE_ALREADY_EXISTS on
/// a duplicate experiment, RESOURCE_DOES_NOT_EXIST (404) for missing experiments and runs, INVALID_PARAMETER_VALUE for
/// changed params, bad keys and over-limit batches, JSON bodies only, metric history paged with
/// <c>max_results</c> (none without it), NaN as the string "NaN", silent truncation of long param/tag values.
/// Metrics are appended like MLflow's file store (exact duplicates are kept), so a client that resends shows up.
/// Switches make it go down (connections dropped), answer 500 or 429, or answer slowly (after applying the request).
/// Linked into bench/tracking-overhead as well.
/// </summary>
public sealed class MlflowTestServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TcpListener _front = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly Task _frontLoop;
    private volatile bool _down;
    private int _refused;
    private readonly object _gate = new();
    private readonly Dictionary<string, Experiment> _experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoggedModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _artifacts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _nextExperimentId = 1;
    private int _failuresLeft;

    public MlflowTestServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            _backendPort = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{_backendPort}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Someone took the port between probe and start: pick another.
            }
        }

        _experiments["0"] = new Experiment("0", "Default");
        _loop = Task.Run(LoopAsync);
        _front.Start();
        Port = ((IPEndPoint)_front.LocalEndpoint).Port;
        _frontLoop = Task.Run(FrontLoopAsync);
    }

    private readonly int _backendPort;

    public int Port { get; }

    /// <summary>Connections reset on arrival while <see cref="Down"/>.</summary>
    public int RefusedConnections => Volatile.Read(ref _refused);

    public string Uri => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// The server is down: open connections are reset and new ones are reset on arrival, so clients see connection
    /// errors. (HttpListener's own Abort still writes an empty 200 on Linux, hence the TCP front.)
    /// </summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
            {
                foreach (var connection in _connections.Keys)
                {
                    Reset(connection);
                }
            }
        }
    }

    /// <summary>Answer this status (500, 429, 503...) to the next <see cref="FailNext"/> requests.</summary>
    public HttpStatusCode FailureStatus { get; set; } = HttpStatusCode.InternalServerError;

    /// <summary>Wait this long after applying a request before answering (a slow server; the client may time out).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Hold experiments/create this long before creating (widens the race of concurrent creators).</summary>
    public TimeSpan CreateExperimentDelay { get; set; }

    /// <summary>Every request: method, path and query, Authorization header, Content-Type, body size.</summary>
    public ConcurrentQueue<RequestRecord> Requests { get; } = new();

    /// <summary>log-batch requests accepted: (metrics, params, tags, body bytes).</summary>
    public ConcurrentQueue<(int Metrics, int Params, int Tags, int Bytes)> Batches { get; } = new();

    /// <summary>Requests answered with an error: (path, status, error code, message).</summary>
    public ConcurrentQueue<(string Path, int Status, string Code, string Message)> Errors { get; } = new();

    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.InternalServerError)
    {
        FailureStatus = status;
        Volatile.Write(ref _failuresLeft, count);
    }

    public IReadOnlyList<(string Name, string Id)> ExperimentsSnapshot()
    {
        lock (_gate)
        {
            return _experiments.Values.Select(e => (e.Name, e.Id)).ToList();
        }
    }

    public RunSnapshot GetRun(string runId)
    {
        lock (_gate)
        {
            var run = _runs[runId];
            return new RunSnapshot(
                run.Id, run.ExperimentId, run.Name, run.Status, run.StartTime, run.EndTime,
                new Dictionary<string, string>(run.Params), new Dictionary<string, string>(run.Tags),
                run.Metrics.Select(m => new MetricRecord(m.Key, m.Value, m.Timestamp, m.Step)).ToList());
        }
    }

    public IReadOnlyList<string> RunIds()
    {
        lock (_gate)
        {
            return _runs.Keys.ToList();
        }
    }

    public IReadOnlyDictionary<string, byte[]> Artifacts()
    {
        lock (_gate)
        {
            return new Dictionary<string, byte[]>(_artifacts);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _front.Stop();
        foreach (var connection in _connections.Keys)
        {
            Reset(connection);
        }

        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            Task.WaitAll([_loop, _frontLoop], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task FrontLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _front.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_down)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        _connections[client] = 0;
        using var backend = new TcpClient();
        try
        {
            await backend.ConnectAsync(IPAddress.Loopback, _backendPort);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = client.GetStream().CopyToAsync(backend.GetStream(), cts.Token);
            var down = backend.GetStream().CopyToAsync(client.GetStream(), cts.Token);
            await Task.WhenAny(up, down);
            await cts.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var body = await ReadBodyAsync(request);
            var path = request.Url!.AbsolutePath;
            Requests.Enqueue(new RequestRecord(request.HttpMethod, request.Url.PathAndQuery, request.Headers["Authorization"], request.ContentType, body.Length));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                var status = FailureStatus;
                if (status == HttpStatusCode.TooManyRequests)
                {
                    response.AddHeader("Retry-After", "0");
                }

                await WriteAsync(response, (int)status, Error(status == HttpStatusCode.TooManyRequests ? "REQUEST_LIMIT_EXCEEDED" : "INTERNAL_ERROR", "injected failure"), path);
                return;
            }

            var (code, json, raw) = Dispatch(request.HttpMethod, path, request.QueryString, request.ContentType, body);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (raw is not null)
            {
                response.StatusCode = 200;
                response.ContentType = "application/octet-stream";
                await response.OutputStream.WriteAsync(raw);
                response.Close();
                return;
            }

            await WriteAsync(response, code, json, path);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (it timed out): nothing to answer.
        }
    }

    private async Task WriteAsync(HttpListenerResponse response, int status, JsonNode json, string path)
    {
        if (status >= 400)
        {
            Errors.Enqueue((path, status, json["error_code"]?.GetValue<string>() ?? "", json["message"]?.GetValue<string>() ?? ""));
        }

        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private (int Status, JsonNode Json, byte[]? Raw) Dispatch(string method, string path, System.Collections.Specialized.NameValueCollection query, string? contentType, byte[] body)
    {
        const string artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        if (path.StartsWith(artifacts, StringComparison.Ordinal))
        {
            var key = System.Uri.UnescapeDataString(path[artifacts.Length..]);
            lock (_gate)
            {
                if (method == "PUT")
                {
                    _artifacts[key] = body;
                    return (200, new JsonObject(), null);
                }

                return _artifacts.TryGetValue(key, out var content) ? (200, new JsonObject(), content) : (404, Error("RESOURCE_DOES_NOT_EXIST", $"No artifact {key}"), null);
            }
        }

        const string api = "/api/2.0/mlflow/";
        if (!path.StartsWith(api, StringComparison.Ordinal))
        {
            return (404, Error("ENDPOINT_NOT_FOUND", "No such endpoint"), null);
        }

        JsonNode? input = null;
        if (method is "POST" or "PATCH")
        {
            if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return (400, Error("BAD_REQUEST", "Bad Request. Content-Type must be application/json"), null);
            }

            if (body.Length > 1_000_000 && path.EndsWith("runs/log-batch", StringComparison.Ordinal))
            {
                return (400, Error("INVALID_PARAMETER_VALUE", "Batched logging API requests must be at most 1000000 bytes"), null);
            }

            try
            {
                input = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return (400, Error("MALFORMED_REQUEST", "Malformed JSON"), null);
            }
        }

        lock (_gate)
        {
            // MLflow 3's logged models: POST logged-models, GET and PATCH logged-models/{model_id}.
            const string models = "logged-models/";
            if (path[api.Length..].StartsWith(models, StringComparison.Ordinal))
            {
                var modelId = System.Uri.UnescapeDataString(path[(api.Length + models.Length)..]);
                return method == "PATCH" ? FinalizeLoggedModel(modelId, input) : GetLoggedModel(modelId);
            }

            return path[api.Length..] switch
            {
                "logged-models" => CreateLoggedModel(input),
                "experiments/get-by-name" => GetExperimentByName(query["experiment_name"]),
                "experiments/create" => CreateExperiment(input),
                "experiments/search" => (200, new JsonObject { ["experiments"] = new JsonArray(_experiments.Values.Select(ExperimentJson).ToArray()) }, null),
                "runs/create" => CreateRun(input),
                "runs/update" => UpdateRun(input),
                "runs/get" => _runs.TryGetValue(query["run_id"] ?? "", out var run)
                    ? (200, new JsonObject { ["run"] = RunJson(run) }, null)
                    : (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{query["run_id"]}' not found"), null),
                "runs/search" => SearchRuns(input),
                "runs/log-batch" => LogBatch(input),
                "runs/log-inputs" => LogInputs(input),
                "metrics/get-history" => GetHistory(query),
                "artifacts/list" => ListArtifacts(query),
                _ => (404, Error("ENDPOINT_NOT_FOUND", "No such endpoint"), null),
            };
        }
    }

    private (int, JsonNode, byte[]?) GetExperimentByName(string? name)
    {
        var found = _experiments.Values.FirstOrDefault(e => e.Name == name);
        return found is null
            ? (404, Error("RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{name}'"), null)
            : (200, new JsonObject { ["experiment"] = ExperimentJson(found) }, null);
    }

    private (int, JsonNode, byte[]?) CreateExperiment(JsonNode? input)
    {
        var name = input?["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return (400, Error("INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'."), null);
        }

        if (CreateExperimentDelay > TimeSpan.Zero)
        {
            // Outside the lock would be more realistic, but holding it here is what makes the loser see the winner.
            Monitor.Exit(_gate);
            try
            {
                Thread.Sleep(CreateExperimentDelay);
            }
            finally
            {
                Monitor.Enter(_gate);
            }
        }

        if (_experiments.Values.Any(e => e.Name == name))
        {
            return (400, Error("RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists."), null);
        }

        var id = (_nextExperimentId++).ToString(CultureInfo.InvariantCulture);
        _experiments[id] = new Experiment(id, name);
        return (200, new JsonObject { ["experiment_id"] = id }, null);
    }

    private (int, JsonNode, byte[]?) CreateRun(JsonNode? input)
    {
        var experimentId = input?["experiment_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(experimentId))
        {
            return (400, Error("INVALID_PARAMETER_VALUE", "Missing value for required parameter 'experiment_id'."), null);
        }

        if (!_experiments.ContainsKey(experimentId))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={experimentId} exists"), null);
        }

        var id = Guid.NewGuid().ToString("N");
        var run = new Run(id, experimentId)
        {
            Name = input?["run_name"]?.GetValue<string>() ?? "run-" + id[..6],
            StartTime = input?["start_time"]?.GetValue<long>() ?? 0,
            UserId = input?["user_id"]?.GetValue<string>() ?? "",
        };
        foreach (var tag in input?["tags"]?.AsArray() ?? [])
        {
            run.Tags[tag!["key"]!.GetValue<string>()] = tag["value"]!.GetValue<string>();
        }

        run.Tags["mlflow.runName"] = run.Name;
        _runs[id] = run;
        return (200, new JsonObject { ["run"] = RunJson(run) }, null);
    }

    private (int, JsonNode, byte[]?) UpdateRun(JsonNode? input)
    {
        var id = input?["run_id"]?.GetValue<string>() ?? "";
        if (!_runs.TryGetValue(id, out var run))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{id}' not found"), null);
        }

        if (input?["status"]?.GetValue<string>() is { } status)
        {
            run.Status = status;
        }

        if (input?["end_time"] is { } end)
        {
            run.EndTime = end.GetValue<long>();
        }

        return (200, new JsonObject { ["run_info"] = RunInfoJson(run) }, null);
    }

    private (int, JsonNode, byte[]?) CreateLoggedModel(JsonNode? input)
    {
        var experimentId = input?["experiment_id"]?.GetValue<string>() ?? "";
        if (!_experiments.ContainsKey(experimentId))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={experimentId} exists"), null);
        }

        var id = "m-" + Guid.NewGuid().ToString("N");
        var model = new LoggedModel(id, experimentId)
        {
            Name = input?["name"]?.GetValue<string>() ?? id,
            ModelType = input?["model_type"]?.GetValue<string>(),
            SourceRunId = input?["source_run_id"]?.GetValue<string>(),
        };
        foreach (var node in input?["params"]?.AsArray() ?? [])
        {
            model.Params[node!["key"]!.GetValue<string>()] = node["value"]!.GetValue<string>();
        }

        foreach (var node in input?["tags"]?.AsArray() ?? [])
        {
            model.Tags[node!["key"]!.GetValue<string>()] = node["value"]!.GetValue<string>();
        }

        _models[id] = model;
        return (200, new JsonObject { ["model"] = LoggedModelJson(model) }, null);
    }

    private (int, JsonNode, byte[]?) GetLoggedModel(string id) =>
        _models.TryGetValue(id, out var model)
            ? (200, new JsonObject { ["model"] = LoggedModelJson(model) }, null)
            : (404, Error("RESOURCE_DOES_NOT_EXIST", $"Logged model with ID '{id}' not found."), null);

    private (int, JsonNode, byte[]?) FinalizeLoggedModel(string id, JsonNode? input)
    {
        if (!_models.TryGetValue(id, out var model))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Logged model with ID '{id}' not found."), null);
        }

        model.Status = input?["status"]?.GetValue<string>() ?? model.Status;
        return (200, new JsonObject { ["model"] = LoggedModelJson(model) }, null);
    }

    private static JsonObject LoggedModelJson(LoggedModel model) => new()
    {
        ["info"] = new JsonObject
        {
            ["model_id"] = model.Id,
            ["experiment_id"] = model.ExperimentId,
            ["name"] = model.Name,
            ["artifact_uri"] = $"mlflow-artifacts:/{model.ExperimentId}/models/{model.Id}/artifacts",
            ["status"] = model.Status,
            ["model_type"] = model.ModelType,
            ["source_run_id"] = model.SourceRunId,
        },
        ["data"] = new JsonObject
        {
            ["params"] = new JsonArray(model.Params.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
            ["metrics"] = new JsonArray(model.Metrics.Select(m => MetricJson(m)).ToArray()),
        },
    };

    /// <summary>A logged model as the server holds it.</summary>
    public ModelSnapshot? LoggedModelSnapshot(string id)
    {
        lock (_gate)
        {
            return _models.TryGetValue(id, out var m)
                ? new ModelSnapshot(m.Id, m.ExperimentId, m.Name, m.Status, m.SourceRunId, new Dictionary<string, string>(m.Params), new Dictionary<string, string>(m.Tags), m.Metrics.ToList())
                : null;
        }
    }

    /// <summary>The ids of every logged model.</summary>
    public IReadOnlyList<string> LoggedModelIds()
    {
        lock (_gate)
        {
            return _models.Keys.ToList();
        }
    }

    // MLflow's runs/log-inputs: datasets [{tags: [{key, value}], dataset: {name, digest, source_type, source, schema?, profile?}}].
    // A dataset is identified by (name, digest) in its experiment; logging it again to the same run changes nothing.
    private (int, JsonNode, byte[]?) LogInputs(JsonNode? input)
    {
        var id = input?["run_id"]?.GetValue<string>() ?? "";
        if (!_runs.TryGetValue(id, out var run))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{id}' not found"), null);
        }

        foreach (var item in input?["datasets"]?.AsArray() ?? [])
        {
            var dataset = item?["dataset"];
            foreach (var field in new[] { "name", "digest", "source_type", "source" })
            {
                if (string.IsNullOrEmpty(dataset?[field]?.GetValue<string>()))
                {
                    return (400, Error("INVALID_PARAMETER_VALUE", $"Missing value for required parameter 'datasets[].dataset.{field}'."), null);
                }
            }

            var key = dataset!["name"]!.GetValue<string>() + "\n" + dataset["digest"]!.GetValue<string>();
            if (!run.Inputs.Any(i => i.Key == key))
            {
                run.Inputs.Add((key, item!.DeepClone()));
            }
        }

        return (200, new JsonObject(), null);
    }

    private (int, JsonNode, byte[]?) SearchRuns(JsonNode? input)
    {
        var ids = (input?["experiment_ids"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
        var runs = _runs.Values.Where(r => ids.Contains(r.ExperimentId)).OrderBy(r => r.StartTime).Select(r => (JsonNode?)RunJson(r)).ToArray();
        return (200, new JsonObject { ["runs"] = new JsonArray(runs) }, null);
    }

    private (int, JsonNode, byte[]?) LogBatch(JsonNode? input)
    {
        var id = input?["run_id"]?.GetValue<string>() ?? "";
        if (!_runs.TryGetValue(id, out var run))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{id}' not found"), null);
        }

        var metrics = input?["metrics"]?.AsArray() ?? [];
        var parameters = input?["params"]?.AsArray() ?? [];
        var tags = input?["tags"]?.AsArray() ?? [];
        if (metrics.Count > 1000 || parameters.Count > 100 || tags.Count > 100 || metrics.Count + parameters.Count + tags.Count > 1000)
        {
            return (400, Error("INVALID_PARAMETER_VALUE",
                $"A batch logging request can contain at most 1000 metrics, 100 params, 100 tags and 1000 entities in total. Got {metrics.Count} metrics, {parameters.Count} params, {tags.Count} tags."), null);
        }

        // Validate everything first: MLflow applies a batch all or nothing.
        foreach (var node in metrics.Concat(parameters).Concat(tags))
        {
            var key = node?["key"]?.GetValue<string>() ?? "";
            if (!ValidKey(key))
            {
                return (400, Error("INVALID_PARAMETER_VALUE", $"Invalid value \"{key}\" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/)."), null);
            }
        }

        foreach (var node in parameters)
        {
            var key = node!["key"]!.GetValue<string>();
            var value = Truncate(node["value"]?.GetValue<string>() ?? "", 6000);
            if (run.Params.TryGetValue(key, out var old) && old != value)
            {
                return (400, Error("INVALID_PARAMETER_VALUE",
                    $"Changing param values is not allowed. Params were already logged='[{{'key': '{key}', 'old_value': '{old}', 'new_value': '{value}'}}]' for run ID='{id}'."), null);
            }
        }

        foreach (var node in metrics)
        {
            var valueNode = node!["value"]!;
            var value = valueNode.GetValueKind() == JsonValueKind.String
                ? double.Parse(valueNode.GetValue<string>(), CultureInfo.InvariantCulture)
                : valueNode.GetValue<double>();
            var metric = new MetricRecord(node["key"]!.GetValue<string>(), value, node["timestamp"]!.GetValue<long>(), node["step"]?.GetValue<long>() ?? 0);
            // MLflow 3: a metric logged with a model id is the model's too. A point identical to one the run has is the
            // same row in MLflow's SQL store (its primary key); this double keeps appending other duplicates, as a
            // file-store-backed server does, so the client's own duplicate checks stay tested.
            if (node["model_id"]?.GetValue<string>() is { } modelId && _models.TryGetValue(modelId, out var model))
            {
                model.Metrics.Add(metric);
                if (run.Metrics.Contains(metric))
                {
                    continue;
                }
            }

            run.Metrics.Add(metric);
        }

        foreach (var node in parameters)
        {
            run.Params[node!["key"]!.GetValue<string>()] = Truncate(node["value"]?.GetValue<string>() ?? "", 6000);
        }

        foreach (var node in tags)
        {
            run.Tags[node!["key"]!.GetValue<string>()] = Truncate(node["value"]?.GetValue<string>() ?? "", 8000);
        }

        Batches.Enqueue((metrics.Count, parameters.Count, tags.Count, input!.ToJsonString().Length));
        return (200, new JsonObject(), null);
    }

    private (int, JsonNode, byte[]?) GetHistory(System.Collections.Specialized.NameValueCollection query)
    {
        if (!_runs.TryGetValue(query["run_id"] ?? "", out var run))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{query["run_id"]}' not found"), null);
        }

        if (!int.TryParse(query["max_results"], CultureInfo.InvariantCulture, out var max))
        {
            // Observed on some server versions: no max_results, no metrics.
            return (200, new JsonObject(), null);
        }

        max = Math.Min(max, 25000);
        var offset = int.TryParse(query["page_token"], CultureInfo.InvariantCulture, out var token) ? token : 0;
        var all = run.Metrics.Where(m => m.Key == query["metric_key"]).ToList();
        var page = all.Skip(offset).Take(max).Select(MetricJson).ToArray();
        var result = new JsonObject { ["metrics"] = new JsonArray(page) };
        if (offset + max < all.Count)
        {
            result["next_page_token"] = (offset + max).ToString(CultureInfo.InvariantCulture);
        }

        return (200, result, null);
    }

    private (int, JsonNode, byte[]?) ListArtifacts(System.Collections.Specialized.NameValueCollection query)
    {
        if (!_runs.TryGetValue(query["run_id"] ?? "", out var run))
        {
            return (404, Error("RESOURCE_DOES_NOT_EXIST", $"Run '{query["run_id"]}' not found"), null);
        }

        var root = $"{run.ExperimentId}/{run.Id}/artifacts/";
        var sub = query["path"] is { Length: > 0 } p ? p.TrimEnd('/') + "/" : "";
        var entries = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, content) in _artifacts.Where(a => a.Key.StartsWith(root + sub, StringComparison.Ordinal)))
        {
            var relative = key[root.Length..];
            var rest = relative[sub.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            entries[sub + (slash < 0 ? rest : rest[..slash])] = slash < 0
                ? new JsonObject { ["path"] = relative, ["is_dir"] = false, ["file_size"] = content.Length }
                : new JsonObject { ["path"] = sub + rest[..slash], ["is_dir"] = true };
        }

        return (200, new JsonObject { ["root_uri"] = $"mlflow-artifacts:/{root.TrimEnd('/')}", ["files"] = new JsonArray(entries.Values.ToArray()) }, null);
    }

    private static bool ValidKey(string key) =>
        key.Length is > 0 and <= 250 && key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':' or '/');

    private static string Truncate(string value, int limit) => value.Length > limit ? value[..limit] : value;

    private static JsonObject Error(string code, string message) => new() { ["error_code"] = code, ["message"] = message };

    private static JsonObject ExperimentJson(Experiment e) => new()
    {
        ["experiment_id"] = e.Id,
        ["name"] = e.Name,
        ["artifact_location"] = $"mlflow-artifacts:/{e.Id}",
        ["lifecycle_stage"] = "active",
        ["creation_time"] = 1700000000000L,
        ["last_update_time"] = 1700000000000L,
    };

    private static JsonObject RunInfoJson(Run run)
    {
        var info = new JsonObject
        {
            ["run_id"] = run.Id,
            ["run_uuid"] = run.Id,
            ["run_name"] = run.Name,
            ["experiment_id"] = run.ExperimentId,
            ["user_id"] = run.UserId,
            ["status"] = run.Status,
            ["start_time"] = run.StartTime,
            ["artifact_uri"] = $"mlflow-artifacts:/{run.ExperimentId}/{run.Id}/artifacts",
            ["lifecycle_stage"] = "active",
        };
        if (run.EndTime is { } end)
        {
            info["end_time"] = end;
        }

        return info;
    }

    private static JsonObject RunJson(Run run)
    {
        var latest = run.Metrics.GroupBy(m => m.Key)
            .Select(g => g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Value).Last())
            .Select(MetricJson).ToArray();
        return new JsonObject
        {
            ["info"] = RunInfoJson(run),
            ["data"] = new JsonObject
            {
                ["metrics"] = new JsonArray(latest),
                ["params"] = new JsonArray(run.Params.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
                ["tags"] = new JsonArray(run.Tags.Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
            },
            ["inputs"] = new JsonObject { ["dataset_inputs"] = new JsonArray(run.Inputs.Select(i => (JsonNode?)i.Input.DeepClone()).ToArray()) },
        };
    }

    private static JsonNode? MetricJson(MetricRecord m) => new JsonObject
    {
        ["key"] = m.Key,
        // Protobuf's JSON mapping, which MLflow's server uses, writes non-finite doubles as strings.
        ["value"] = double.IsNaN(m.Value) ? JsonValue.Create("NaN")
            : double.IsPositiveInfinity(m.Value) ? JsonValue.Create("Infinity")
            : double.IsNegativeInfinity(m.Value) ? JsonValue.Create("-Infinity")
            : JsonValue.Create(m.Value),
        ["timestamp"] = m.Timestamp,
        ["step"] = m.Step,
    };

    public sealed record RequestRecord(string Method, string PathAndQuery, string? Authorization, string? ContentType, int BodyBytes);

    public sealed record MetricRecord(string Key, double Value, long Timestamp, long Step);

    public sealed record RunSnapshot(
        string RunId, string ExperimentId, string Name, string Status, long StartTime, long? EndTime,
        IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<MetricRecord> Metrics);

    private sealed record Experiment(string Id, string Name);

    public sealed record ModelSnapshot(
        string ModelId, string ExperimentId, string Name, string Status, string? SourceRunId,
        IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<MetricRecord> Metrics);

    private sealed class LoggedModel(string id, string experimentId)
    {
        public string Id { get; } = id;

        public string ExperimentId { get; } = experimentId;

        public string Name { get; set; } = "";

        public string? ModelType { get; set; }

        public string? SourceRunId { get; set; }

        public string Status { get; set; } = "LOGGED_MODEL_PENDING";

        public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public List<MetricRecord> Metrics { get; } = [];
    }

    private sealed class Run(string id, string experimentId)
    {
        public string Id { get; } = id;

        public string ExperimentId { get; } = experimentId;

        public string Name { get; set; } = "";

        public string UserId { get; set; } = "";

        public string Status { get; set; } = "RUNNING";

        public long StartTime { get; set; }

        public long? EndTime { get; set; }

        public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public List<MetricRecord> Metrics { get; } = [];

        public List<(string Key, JsonNode Input)> Inputs { get; } = [];
    }
}
