namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's identity provider information.</summary>
internal sealed record Identity
{
    public OIDC? Oidc { get; init; }
}
