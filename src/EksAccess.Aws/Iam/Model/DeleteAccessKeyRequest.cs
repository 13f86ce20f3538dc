namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of DeleteAccessKey.</summary>
internal sealed record DeleteAccessKeyRequest
{
    public string? UserName { get; init; }

    public string? AccessKeyId { get; init; }
}
