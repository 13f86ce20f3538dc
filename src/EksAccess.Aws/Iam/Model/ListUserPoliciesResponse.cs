namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListUserPolicies.</summary>
internal sealed record ListUserPoliciesResponse
{
    public List<string>? PolicyNames { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
