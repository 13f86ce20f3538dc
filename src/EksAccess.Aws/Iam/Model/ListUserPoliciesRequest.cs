namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListUserPolicies.</summary>
internal sealed record ListUserPoliciesRequest
{
    public string? UserName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
