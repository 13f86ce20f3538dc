namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteGroupPolicy.</summary>
public sealed record DeleteGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }
}
