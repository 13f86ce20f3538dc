namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutGroupPolicy (empty).</summary>
internal sealed record PutGroupPolicyResponse
{
}
