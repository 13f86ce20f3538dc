namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of DescribeCluster (<c>GET /clusters/{name}</c>).</summary>
internal sealed record DescribeClusterRequest
{
    public string? Name { get; init; }
}
