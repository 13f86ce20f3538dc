namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of UpdateRole (empty).</summary>
public sealed record UpdateRoleResponse
{
}
