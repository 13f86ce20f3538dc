namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListClusters.</summary>
internal sealed record ListClustersResponse
{
    public List<string>? Clusters { get; init; }

    public string? NextToken { get; init; }
}
