namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of TagRole.</summary>
internal sealed record TagRoleRequest
{
    public string? RoleName { get; init; }

    public List<Tag>? Tags { get; init; }
}
