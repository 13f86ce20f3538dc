namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of ListGroupsForUser.</summary>
internal sealed record ListGroupsForUserRequest
{
    public string? UserName { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
