namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of TagRole (empty).</summary>
internal sealed record TagRoleResponse
{
}
