namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's OIDC issuer.</summary>
internal sealed record OIDC
{
    public string? Issuer { get; init; }
}
