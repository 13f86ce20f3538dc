namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DisassociateAccessPolicy (empty).</summary>
internal sealed record DisassociateAccessPolicyResponse
{
}
