namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DisassociateAccessPolicy (empty).</summary>
public sealed record DisassociateAccessPolicyResponse
{
}
