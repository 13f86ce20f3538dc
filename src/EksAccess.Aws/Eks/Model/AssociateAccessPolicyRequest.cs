namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of AssociateAccessPolicy (<c>POST /clusters/{name}/access-entries/{principalArn}/access-policies</c>).</summary>
internal sealed record AssociateAccessPolicyRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public string? PolicyArn { get; init; }

    public AccessScope? AccessScope { get; init; }
}
