namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetRole.</summary>
public sealed record GetRoleRequest
{
    public string? RoleName { get; init; }
}
