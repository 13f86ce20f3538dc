namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteRolePolicy (empty).</summary>
internal sealed record DeleteRolePolicyResponse
{
}
