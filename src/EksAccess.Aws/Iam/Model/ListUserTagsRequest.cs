namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListUserTags.</summary>
internal sealed record ListUserTagsRequest
{
    public string? UserName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
