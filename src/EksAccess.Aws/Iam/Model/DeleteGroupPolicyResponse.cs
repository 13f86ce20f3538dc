namespace EksAccess.Aws.Iam.Model;

/// <summary>Output of DeleteGroupPolicy (empty).</summary>
internal sealed record DeleteGroupPolicyResponse
{
}
