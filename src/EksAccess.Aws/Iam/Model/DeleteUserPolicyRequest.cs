namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteUserPolicy.</summary>
internal sealed record DeleteUserPolicyRequest
{
    public string? UserName { get; init; }

    public string? PolicyName { get; init; }
}
