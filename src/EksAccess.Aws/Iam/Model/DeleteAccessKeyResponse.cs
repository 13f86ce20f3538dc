namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteAccessKey (empty).</summary>
public sealed record DeleteAccessKeyResponse
{
}
