namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteRole.</summary>
internal sealed record DeleteRoleRequest
{
    public string? RoleName { get; init; }
}
