using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Planning;

/// <summary>The EKS cluster as DescribeCluster showed it: status, version, endpoint, authentication mode and enabled log types.</summary>
public sealed record ObservedCluster(string Name)
{
    public string? Arn { get; init; }

    public string? Status { get; init; }

    public string? Version { get; init; }

    public string? Endpoint { get; init; }

    /// <summary>The EKS platform version (eks.N).</summary>
    public string? PlatformVersion { get; init; }

    /// <summary>The base64 certificate authority data a kubeconfig needs.</summary>
    public string? CertificateAuthorityData { get; init; }

    /// <summary>accessConfig.authenticationMode as DescribeCluster spelled it (also when this version does not know the value).</summary>
    public string? ReportedAuthenticationMode { get; init; }

    /// <summary>The authentication mode; null when DescribeCluster gave none or a value this version does not know.</summary>
    public AuthenticationMode? AuthenticationMode { get; init; }

    /// <summary>Control-plane log types that are enabled (api, audit, authenticator, controllerManager, scheduler).</summary>
    public ImmutableArray<string> EnabledLogTypes { get; init; } = [];
}
