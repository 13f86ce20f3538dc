namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateAccessKey.</summary>
internal sealed record CreateAccessKeyRequest
{
    public string? UserName { get; init; }
}
