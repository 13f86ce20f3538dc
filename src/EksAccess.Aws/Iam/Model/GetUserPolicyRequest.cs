namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetUserPolicy.</summary>
internal sealed record GetUserPolicyRequest
{
    public string? UserName { get; init; }

    public string? PolicyName { get; init; }
}
