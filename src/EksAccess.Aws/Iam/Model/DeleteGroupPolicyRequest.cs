namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteGroupPolicy.</summary>
internal sealed record DeleteGroupPolicyRequest
{
    public string? GroupName { get; init; }

    public string? PolicyName { get; init; }
}
