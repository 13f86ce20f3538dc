namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListRoleTags.</summary>
internal sealed record ListRoleTagsRequest
{
    public string? RoleName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
