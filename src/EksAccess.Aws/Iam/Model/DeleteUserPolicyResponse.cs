namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteUserPolicy (empty).</summary>
internal sealed record DeleteUserPolicyResponse
{
}
