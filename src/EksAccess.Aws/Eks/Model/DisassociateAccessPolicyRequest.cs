namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of DisassociateAccessPolicy (<c>DELETE /clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}</c>).</summary>
internal sealed record DisassociateAccessPolicyRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public string? PolicyArn { get; init; }
}
