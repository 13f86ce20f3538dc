namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of TagUser (empty).</summary>
internal sealed record TagUserResponse
{
}
