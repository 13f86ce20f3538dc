namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetGroupPolicy.</summary>
public sealed record GetGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }
}
