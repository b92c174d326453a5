using System.Text.Json.Serialization;

namespace Gan.Tracking;

// MLflow REST API 2.0 shapes (mlflow/protos/service.proto as rendered by the server's JSON encoder).
// Only the fields this client reads or writes are declared; unknown fields are ignored on reading.

internal sealed record ExperimentDto(
    string ExperimentId,
    string Name,
    string? ArtifactLocation,
    string? LifecycleStage,
    long? CreationTime,
    long? LastUpdateTime);

internal sealed record GetExperimentResponse(ExperimentDto? Experiment);

internal sealed record SearchExperimentsRequest(int MaxResults, string? PageToken);

internal sealed record SearchExperimentsResponse(List<ExperimentDto>? Experiments, string? NextPageToken);

internal sealed record CreateExperimentRequest(string Name);

internal sealed record CreateExperimentResponse(string ExperimentId);

internal sealed record KeyValueDto(string Key, string Value);

internal sealed record MetricDto(string Key, double Value, long Timestamp, long Step, string? ModelId = null);

internal sealed record CreateRunRequest(string ExperimentId, string UserId, string? RunName, long StartTime, List<KeyValueDto> Tags);

internal sealed record RunInfoDto(
    string RunId,
    string ExperimentId,
    string? RunName,
    string? UserId,
    string? Status,
    long? StartTime,
    long? EndTime,
    string? ArtifactUri,
    string? LifecycleStage);

internal sealed record RunDataDto(List<MetricDto>? Metrics, List<KeyValueDto>? Params, List<KeyValueDto>? Tags);

internal sealed record DatasetDto(string Name, string Digest, string SourceType, string Source, string? Schema, string? Profile);

internal sealed record DatasetInputDto(List<KeyValueDto>? Tags, DatasetDto Dataset);

internal sealed record RunInputsDto(List<DatasetInputDto>? DatasetInputs);

internal sealed record LogInputsRequest(string RunId, List<DatasetInputDto> Datasets);

internal sealed record LoggedModelInfoDto(string ModelId, string ExperimentId, string? Name, string? ArtifactUri, string? Status, string? SourceRunId);

internal sealed record LoggedModelDto(LoggedModelInfoDto Info);

internal sealed record LoggedModelResponse(LoggedModelDto Model);

internal sealed record CreateLoggedModelRequest(string ExperimentId, string Name, string ModelType, string SourceRunId, List<KeyValueDto> Params, List<KeyValueDto> Tags);

internal sealed record FinalizeLoggedModelRequest(string ModelId, string Status);

internal sealed record RunDto(RunInfoDto Info, RunDataDto? Data, RunInputsDto? Inputs = null);

internal sealed record RunResponse(RunDto Run);

internal sealed record UpdateRunRequest(string RunId, string Status, long? EndTime);

internal sealed record LogBatchRequest(string RunId, List<MetricDto> Metrics, List<KeyValueDto> Params, List<KeyValueDto> Tags);

internal sealed record SearchRunsRequest(List<string> ExperimentIds, int MaxResults, string? PageToken, List<string>? OrderBy);

internal sealed record SearchRunsResponse(List<RunDto>? Runs, string? NextPageToken);

internal sealed record MetricHistoryResponse(List<MetricDto>? Metrics, string? NextPageToken);

internal sealed record FileInfoDto(string Path, bool IsDir, long? FileSize);

internal sealed record ListArtifactsResponse(string? RootUri, List<FileInfoDto>? Files, string? NextPageToken);

internal sealed record ErrorResponse(string? ErrorCode, string? Message);

internal sealed record EmptyResponse;

/// <summary>
/// Source-generated serialisers for the MLflow shapes and the spool: snake_case like MLflow, NaN and
/// infinities as the strings MLflow's protobuf JSON uses, and 64-bit integers accepted as numbers or strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GetExperimentResponse))]
[JsonSerializable(typeof(SearchExperimentsRequest))]
[JsonSerializable(typeof(SearchExperimentsResponse))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(CreateExperimentResponse))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(UpdateRunRequest))]
[JsonSerializable(typeof(LogBatchRequest))]
[JsonSerializable(typeof(SearchRunsRequest))]
[JsonSerializable(typeof(SearchRunsResponse))]
[JsonSerializable(typeof(MetricHistoryResponse))]
[JsonSerializable(typeof(ListArtifactsResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(LogInputsRequest))]
[JsonSerializable(typeof(DatasetInputDto))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(LoggedModelResponse))]
[JsonSerializable(typeof(CreateLoggedModelRequest))]
[JsonSerializable(typeof(FinalizeLoggedModelRequest))]
[JsonSerializable(typeof(LoggedModelHeader))]
[JsonSerializable(typeof(ModelLocation))]
[JsonSerializable(typeof(SpoolLine))]
[JsonSerializable(typeof(SpoolManifest))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext;
