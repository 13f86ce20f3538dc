namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetUserPolicy.</summary>
public sealed record GetUserPolicyRequest
{
    public string? UserName { get; init; }

    public string? PolicyName { get; init; }
}
