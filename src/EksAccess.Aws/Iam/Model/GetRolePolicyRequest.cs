namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetRolePolicy.</summary>
internal sealed record GetRolePolicyRequest
{
    public string? RoleName { get; init; }

    public string? PolicyName { get; init; }
}
