namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeCluster.</summary>
public sealed record DescribeClusterResponse
{
    public Cluster? Cluster { get; init; }
}
