using System.Net;

namespace EksAccess.Aws.Http;

/// <summary>Which failures are worth another attempt: throttling, 5xx, timeouts and connection failures.</summary>
internal static class AwsRetryPolicy
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
        "SlowDown",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    public static bool IsRetryable(AwsServiceException exception) =>
        RetryableCodes.Contains(exception.ErrorCode) || IsRetryable(exception.StatusCode);

    public static bool IsRetryable(HttpStatusCode? statusCode) => statusCode is
        HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool IsRetryableCode(string code) => RetryableCodes.Contains(code);
}
