namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of ListClusters (<c>GET /clusters</c>).</summary>
internal sealed record ListClustersRequest
{
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }

    public List<string>? Include { get; init; }
}
