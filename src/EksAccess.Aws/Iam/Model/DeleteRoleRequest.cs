namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteRole.</summary>
public sealed record DeleteRoleRequest
{
    public string? RoleName { get; init; }
}
