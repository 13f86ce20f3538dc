namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of ListAssociatedAccessPolicies (<c>GET /clusters/{name}/access-entries/{principalArn}/access-policies</c>).</summary>
internal sealed record ListAssociatedAccessPoliciesRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
