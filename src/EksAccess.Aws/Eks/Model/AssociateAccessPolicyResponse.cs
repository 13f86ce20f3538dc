namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of AssociateAccessPolicy.</summary>
internal sealed record AssociateAccessPolicyResponse
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public AssociatedAccessPolicy? AssociatedAccessPolicy { get; init; }
}
