namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateRole.</summary>
internal sealed record CreateRoleRequest
{
    public string? Path { get; init; }

    public string? RoleName { get; init; }

    public string? AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    public int? MaxSessionDuration { get; init; }

    public string? PermissionsBoundary { get; init; }

    public List<Tag>? Tags { get; init; }
}
