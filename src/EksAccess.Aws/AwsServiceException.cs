using System.Net;

namespace EksAccess.Aws;

/// <summary>
/// A failed AWS call, after retries: the operation, the AWS error code (e.g. <c>NoSuchEntity</c>,
/// <c>ResourceNotFoundException</c>, or <c>RequestFailed</c>/<c>RequestTimeout</c> when no answer came), the HTTP
/// status (null without an answer), AWS's message and request id. <see cref="Exception.Message"/> is one line
/// naming the operation and the code; it never contains credentials.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string operation, string errorCode, HttpStatusCode? statusCode, string awsMessage, string? requestId, Exception? innerException = null)
        : base(Format(operation, errorCode, statusCode, awsMessage, requestId), innerException)
    {
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
    }

    public AwsServiceException()
        : this("Unknown", "Unknown", null, "", null)
    {
    }

    public AwsServiceException(string message)
        : this("Unknown", "Unknown", null, message, null)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : this("Unknown", "Unknown", null, message, null, innerException)
    {
    }

    /// <summary>The API operation, e.g. <c>CreateAccessEntry</c>.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code, e.g. <c>ResourceInUseException</c> or <c>EntityAlreadyExists</c>.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The message AWS sent (one line), without the operation and code.</summary>
    public string AwsMessage { get; }

    public string? RequestId { get; }

    private static string Format(string operation, string errorCode, HttpStatusCode? statusCode, string awsMessage, string? requestId)
    {
        var status = statusCode is null ? "" : $" (HTTP {(int)statusCode})";
        var message = OneLine(awsMessage);
        var request = string.IsNullOrEmpty(requestId) ? "" : $" [request id {requestId}]";
        return message.Length == 0
            ? $"{operation} failed: {errorCode}{status}{request}"
            : $"{operation} failed: {errorCode}{status}: {message}{request}";
    }

    private static string OneLine(string text)
    {
        var parts = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }
}
