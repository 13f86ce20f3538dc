namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of UpdateAccessKey (status: see <see cref="StatusType"/>).</summary>
internal sealed record UpdateAccessKeyRequest
{
    public string? UserName { get; init; }

    public string? AccessKeyId { get; init; }

    public string? Status { get; init; }
}
