namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteRole (empty).</summary>
internal sealed record DeleteRoleResponse
{
}
