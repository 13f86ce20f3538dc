namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateRole (empty).</summary>
internal sealed record UpdateRoleResponse
{
}
