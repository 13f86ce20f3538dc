namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeCluster.</summary>
internal sealed record DescribeClusterResponse
{
    public Cluster? Cluster { get; init; }
}
