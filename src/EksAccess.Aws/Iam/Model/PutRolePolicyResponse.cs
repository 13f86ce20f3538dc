namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutRolePolicy (empty).</summary>
public sealed record PutRolePolicyResponse
{
}
