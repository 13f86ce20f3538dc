namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetRole.</summary>
internal sealed record GetRoleResponse
{
    public Role? Role { get; init; }
}
