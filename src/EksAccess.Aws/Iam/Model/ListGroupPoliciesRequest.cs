namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListGroupPolicies.</summary>
internal sealed record ListGroupPoliciesRequest
{
    public string? GroupName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
