namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateAccessKey.</summary>
public sealed record CreateAccessKeyResponse
{
    public AccessKey? AccessKey { get; init; }
}
