namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of PutGroupPolicy (empty).</summary>
public sealed record PutGroupPolicyResponse
{
}
