namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateAccessKey (empty).</summary>
internal sealed record UpdateAccessKeyResponse
{
}
