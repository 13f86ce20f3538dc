namespace EksAccess.Aws.Eks.Model;

/// <summary>An access policy EKS offers.</summary>
public sealed record AccessPolicy
{
    public string? Name { get; init; }

    public string? Arn { get; init; }
}
