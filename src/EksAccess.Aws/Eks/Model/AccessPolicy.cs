namespace EksAccess.Aws.Eks.Model;

/// <summary>An access policy EKS offers.</summary>
internal sealed record AccessPolicy
{
    public string? Name { get; init; }

    public string? Arn { get; init; }
}
