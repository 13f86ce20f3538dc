namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of TagRole (empty).</summary>
public sealed record TagRoleResponse
{
}
