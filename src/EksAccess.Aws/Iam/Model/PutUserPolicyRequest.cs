namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of PutUserPolicy.</summary>
internal sealed record PutUserPolicyRequest
{
    public string? UserName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
