namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteRole (empty).</summary>
public sealed record DeleteRoleResponse
{
}
