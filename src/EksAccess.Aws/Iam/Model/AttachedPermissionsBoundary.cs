namespace EksAccess.Aws.Iam.Model;

/// <summary>A permissions boundary attached to a user or role.</summary>
internal sealed record AttachedPermissionsBoundary
{
    public string? PermissionsBoundaryType { get; init; }

    public string? PermissionsBoundaryArn { get; init; }
}
