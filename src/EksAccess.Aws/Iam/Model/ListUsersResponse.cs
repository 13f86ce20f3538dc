namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of ListUsers.</summary>
internal sealed record ListUsersResponse
{
    public List<User>? Users { get; init; }

    public bool? IsTruncated { get; init; }

    public string? Marker { get; init; }
}
