namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteAccessKey (empty).</summary>
internal sealed record DeleteAccessKeyResponse
{
}
