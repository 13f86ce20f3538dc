namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetGroupPolicy.</summary>
internal sealed record GetGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }
}
