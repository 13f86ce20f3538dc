namespace EksAccess.Aws.Iam.Model;

/// <summary>An IAM user.</summary>
internal sealed record User
{
    public string? Path { get; init; }

    public string? UserName { get; init; }

    public string? UserId { get; init; }

    public string? Arn { get; init; }

    public DateTime? CreateDate { get; init; }

    public DateTime? PasswordLastUsed { get; init; }

    public AttachedPermissionsBoundary? PermissionsBoundary { get; init; }

    public List<Tag>? Tags { get; init; }
}
