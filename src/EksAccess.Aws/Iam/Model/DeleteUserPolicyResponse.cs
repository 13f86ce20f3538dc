namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteUserPolicy (empty).</summary>
public sealed record DeleteUserPolicyResponse
{
}
