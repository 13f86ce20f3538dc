namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of DescribeAccessEntry (<c>GET /clusters/{name}/access-entries/{principalArn}</c>).</summary>
internal sealed record DescribeAccessEntryRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }
}
