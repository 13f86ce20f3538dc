namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of ListAccessEntries (<c>GET /clusters/{name}/access-entries</c>).</summary>
internal sealed record ListAccessEntriesRequest
{
    public string? ClusterName { get; init; }

    public string? AssociatedPolicyArn { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
