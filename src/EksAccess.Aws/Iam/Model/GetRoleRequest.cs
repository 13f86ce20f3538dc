namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of GetRole.</summary>
internal sealed record GetRoleRequest
{
    public string? RoleName { get; init; }
}
