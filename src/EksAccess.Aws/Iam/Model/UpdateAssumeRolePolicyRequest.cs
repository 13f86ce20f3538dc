namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of UpdateAssumeRolePolicy.</summary>
public sealed record UpdateAssumeRolePolicyRequest
{
    public string? RoleName { get; init; }

    public string? PolicyDocument { get; init; }
}
