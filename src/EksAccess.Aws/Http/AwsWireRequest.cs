namespace EksAccess.Aws.Http;

/// <summary>
/// One API call before signing: <see cref="ResourcePath"/> may hold <c>{placeholders}</c> filled from
/// <see cref="PathResources"/> (raw values; the SDK percent-encodes them in full).
/// </summary>
internal sealed record AwsWireRequest(AwsService Service, string Operation, string Method, string ResourcePath)
{
    public IReadOnlyDictionary<string, string> PathResources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters { get; init; } = [];

    public byte[]? Content { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Extra headers to sign, e.g. <c>X-Amz-Target</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
