namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListGroupsForUser.</summary>
internal sealed record ListGroupsForUserResponse
{
    public List<Group>? Groups { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
