namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateAssumeRolePolicy (empty).</summary>
internal sealed record UpdateAssumeRolePolicyResponse
{
}
