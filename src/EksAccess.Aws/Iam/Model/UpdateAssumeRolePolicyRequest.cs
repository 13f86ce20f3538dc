namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of UpdateAssumeRolePolicy.</summary>
internal sealed record UpdateAssumeRolePolicyRequest
{
    public string? RoleName { get; init; }

    public string? PolicyDocument { get; init; }
}
