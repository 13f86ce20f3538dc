namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListRoles.</summary>
internal sealed record ListRolesResponse
{
    public List<Role>? Roles { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
