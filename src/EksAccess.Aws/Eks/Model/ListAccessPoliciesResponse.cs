namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of ListAccessPolicies.</summary>
internal sealed record ListAccessPoliciesResponse
{
    public List<AccessPolicy>? AccessPolicies { get; init; }

    public string? NextToken { get; init; }
}
