namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListAccessEntries: principal ARNs.</summary>
internal sealed record ListAccessEntriesResponse
{
    public List<string>? AccessEntries { get; init; }

    public string? NextToken { get; init; }
}
