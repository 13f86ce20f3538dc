namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListAssociatedAccessPolicies.</summary>
internal sealed record ListAssociatedAccessPoliciesResponse
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public string? NextToken { get; init; }

    public List<AssociatedAccessPolicy>? AssociatedAccessPolicies { get; init; }
}
