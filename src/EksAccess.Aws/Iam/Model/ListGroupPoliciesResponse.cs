namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListGroupPolicies.</summary>
internal sealed record ListGroupPoliciesResponse
{
    public List<string>? PolicyNames { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
