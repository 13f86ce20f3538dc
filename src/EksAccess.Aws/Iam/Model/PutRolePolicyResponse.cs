namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutRolePolicy (empty).</summary>
internal sealed record PutRolePolicyResponse
{
}
