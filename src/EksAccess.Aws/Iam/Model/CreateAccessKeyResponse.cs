namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateAccessKey.</summary>
internal sealed record CreateAccessKeyResponse
{
    public AccessKey? AccessKey { get; init; }
}
