namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of GetRolePolicy; the document is URL-decoded.</summary>
internal sealed record GetRolePolicyResponse
{
    public string? RoleName { get; init; }

    public string? PolicyName { get; init; }

    public string? PolicyDocument { get; init; }
}
