namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListRolePolicies.</summary>
internal sealed record ListRolePoliciesResponse
{
    public List<string>? PolicyNames { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
