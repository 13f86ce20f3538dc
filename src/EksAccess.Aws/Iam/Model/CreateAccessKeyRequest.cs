namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of CreateAccessKey.</summary>
public sealed record CreateAccessKeyRequest
{
    public string? UserName { get; init; }
}
