namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutUserPolicy (empty).</summary>
public sealed record PutUserPolicyResponse
{
}
