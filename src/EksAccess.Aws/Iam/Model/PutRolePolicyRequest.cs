namespace EksAccess.Aws.Iam.Model;

/// <summary>Input of PutRolePolicy.</summary>
internal sealed record PutRolePolicyRequest
{
    public string? RoleName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
