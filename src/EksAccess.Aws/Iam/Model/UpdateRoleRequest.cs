namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of UpdateRole.</summary>
internal sealed record UpdateRoleRequest
{
    public string? RoleName { get; init; }

    public string? Description { get; init; }

    public int? MaxSessionDuration { get; init; }
}
