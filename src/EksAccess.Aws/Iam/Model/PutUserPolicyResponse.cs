namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutUserPolicy (empty).</summary>
internal sealed record PutUserPolicyResponse
{
}
