namespace EksAccess.Aws.Iam.Model;

/// <summary>When and where a role was last used.</summary>
internal sealed record RoleLastUsed
{
    public DateTime? LastUsedDate { get; init; }

    public string? Region { get; init; }
}
