namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateRole.</summary>
internal sealed record CreateRoleResponse
{
    public Role? Role { get; init; }
}
