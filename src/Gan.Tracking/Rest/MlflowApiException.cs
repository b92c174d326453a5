using System.Net;

namespace Gan.Tracking;

/// <summary>An MLflow server answered with an error (<c>{"error_code": ..., "message": ...}</c>).</summary>
public sealed class MlflowApiException : Exception
{
    /// <summary>Creates the exception for an error answer.</summary>
    public MlflowApiException(HttpStatusCode statusCode, string errorCode, string message, TimeSpan? retryAfter = null)
        : base($"{(int)statusCode} {errorCode}: {message}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = message;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>MLflow's error code, e.g. <c>INVALID_PARAMETER_VALUE</c>; the status text when the body had none.</summary>
    public string ErrorCode { get; }

    /// <summary>The server's message (names the offending key for validation errors).</summary>
    public string ServerMessage { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>429 and 5xx: the same request may succeed later.</summary>
    public bool IsRetryable => StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;

    /// <summary>True for MLflow's RESOURCE_DOES_NOT_EXIST (404).</summary>
    public bool IsNotFound => ErrorCode == "RESOURCE_DOES_NOT_EXIST" || StatusCode == HttpStatusCode.NotFound;
}
