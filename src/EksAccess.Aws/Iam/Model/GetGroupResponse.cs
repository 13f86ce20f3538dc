namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetGroup.</summary>
internal sealed record GetGroupResponse
{
    public Group? Group { get; init; }

    public List<User>? Users { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
