namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListClusters.</summary>
public sealed record ListClustersResponse
{
    public List<string>? Clusters { get; init; }

    public string? NextToken { get; init; }
}
