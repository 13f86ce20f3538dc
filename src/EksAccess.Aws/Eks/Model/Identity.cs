namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's identity provider information.</summary>
public sealed record Identity
{
    public OIDC? Oidc { get; init; }
}
