namespace EksAccess.Aws.Iam.Model;

/// <summary>An access key without its secret (status: see <see cref="StatusType"/>).</summary>
internal sealed record AccessKeyMetadata
{
    public string? UserName { get; init; }

    public string? AccessKeyId { get; init; }

    public string? Status { get; init; }

    public DateTime? CreateDate { get; init; }
}
