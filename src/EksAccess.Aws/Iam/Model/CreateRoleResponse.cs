namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of CreateRole.</summary>
public sealed record CreateRoleResponse
{
    public Role? Role { get; init; }
}
