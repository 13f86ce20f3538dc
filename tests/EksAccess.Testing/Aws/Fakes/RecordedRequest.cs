namespace EksAccess.Testing.Aws;

/// <summary>One request the fake received, as sent on the wire (raw, still percent-encoded path).</summary>
public sealed record RecordedRequest(
    string Service,
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The query parameters, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        RawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""))
            .ToList();

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
