namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListRoleTags.</summary>
internal sealed record ListRoleTagsResponse
{
    public List<Tag>? Tags { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
