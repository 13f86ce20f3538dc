namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of TagUser (empty).</summary>
public sealed record TagUserResponse
{
}
