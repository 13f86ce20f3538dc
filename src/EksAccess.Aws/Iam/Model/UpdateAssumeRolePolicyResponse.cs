namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateAssumeRolePolicy (empty).</summary>
public sealed record UpdateAssumeRolePolicyResponse
{
}
