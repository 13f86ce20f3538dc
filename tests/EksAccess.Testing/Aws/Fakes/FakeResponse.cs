namespace EksAccess.Testing.Aws;

/// <summary>A canned answer: status, optional <c>x-amzn-ErrorType</c>, JSON body.</summary>
public sealed record FakeResponse(int StatusCode, string Body, string? ErrorType = null, string ContentType = "application/json")
{
    /// <summary>How long to wait before answering (to provoke client timeouts).</summary>
    public TimeSpan Delay { get; init; }

    public static FakeResponse Ok(string body) => new(200, body);

    public static FakeResponse Error(int statusCode, string errorType, string message) =>
        new(statusCode, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = message }), errorType);
}
