namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListAccessEntries: principal ARNs.</summary>
public sealed record ListAccessEntriesResponse
{
    public List<string>? AccessEntries { get; init; }

    public string? NextToken { get; init; }
}
