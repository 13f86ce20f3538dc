namespace EksAccess.Aws.Iam.Model;

/// <summary>An IAM group.</summary>
internal sealed record Group
{
    public string? Path { get; init; }

    public string? GroupName { get; init; }

    public string? GroupId { get; init; }

    public string? Arn { get; init; }

    public DateTime? CreateDate { get; init; }
}
