namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteGroupPolicy (empty).</summary>
public sealed record DeleteGroupPolicyResponse
{
}
