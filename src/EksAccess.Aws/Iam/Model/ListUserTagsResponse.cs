namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListUserTags.</summary>
internal sealed record ListUserTagsResponse
{
    public List<Tag>? Tags { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
