namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteRolePolicy (empty).</summary>
public sealed record DeleteRolePolicyResponse
{
}
