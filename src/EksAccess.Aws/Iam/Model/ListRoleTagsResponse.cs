namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListRoleTags.</summary>
public sealed record ListRoleTagsResponse
{
    public List<Tag>? Tags { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
