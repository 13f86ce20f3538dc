namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetRole.</summary>
public sealed record GetRoleResponse
{
    public Role? Role { get; init; }
}
