using System.Net;

namespace EksAccess.Aws.Http;

/// <summary>An HTTP answer: status, body text, the error-type header (rest-json) and the request id.</summary>
internal sealed record AwsWireResponse(HttpStatusCode StatusCode, string Body, string? ErrorTypeHeader, string? RequestId)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
