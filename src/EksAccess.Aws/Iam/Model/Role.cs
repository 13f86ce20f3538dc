namespace EksAccess.Aws.Iam.Model;

/// <summary>An IAM role; <see cref="AssumeRolePolicyDocument"/> is already URL-decoded.</summary>
internal sealed record Role
{
    public string? Path { get; init; }

    public string? RoleName { get; init; }

    public string? RoleId { get; init; }

    public string? Arn { get; init; }

    public DateTime? CreateDate { get; init; }

    public string? AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    public int? MaxSessionDuration { get; init; }

    public AttachedPermissionsBoundary? PermissionsBoundary { get; init; }

    public List<Tag>? Tags { get; init; }

    public RoleLastUsed? RoleLastUsed { get; init; }
}
