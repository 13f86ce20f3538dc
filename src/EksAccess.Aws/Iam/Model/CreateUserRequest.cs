namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateUser.</summary>
internal sealed record CreateUserRequest
{
    public string? Path { get; init; }

    public string? UserName { get; init; }

    public string? PermissionsBoundary { get; init; }

    public List<Tag>? Tags { get; init; }
}
