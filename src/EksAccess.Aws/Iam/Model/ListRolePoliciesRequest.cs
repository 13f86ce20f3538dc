namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListRolePolicies.</summary>
internal sealed record ListRolePoliciesRequest
{
    public string? RoleName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
