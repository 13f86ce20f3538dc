namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteRolePolicy.</summary>
internal sealed record DeleteRolePolicyRequest
{
    public string? RoleName { get; init; }

    public string? PolicyName { get; init; }
}
