namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of TagUser.</summary>
internal sealed record TagUserRequest
{
    public string? UserName { get; init; }

    public List<Tag>? Tags { get; init; }
}
