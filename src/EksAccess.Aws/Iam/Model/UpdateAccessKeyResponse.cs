namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateAccessKey (empty).</summary>
public sealed record UpdateAccessKeyResponse
{
}
