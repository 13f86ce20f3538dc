using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record ClusterConfig
{
    public required string Name { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }

    /// <summary>aws, aws-cn, aws-us-gov, …: derived from the region unless given.</summary>
    public string Partition { get; init; } = "aws";

    public AuthenticationMode AuthenticationMode { get; init; } = AuthenticationMode.ApiAndConfigMap;
    public AccessMethod AccessMethod { get; init; } = AccessMethod.AccessEntries;

    /// <summary>Node roles that must stay mapped (aws-auth: system:node:{{EC2PrivateDNSName}}; access entries: EC2_LINUX).</summary>
    public ImmutableArray<NodeRoleConfig> NodeRoles { get; init; } = [];

    /// <summary>Accounts other than <see cref="AccountId"/> whose principals may be mapped.</summary>
    public ImmutableArray<string> TrustedAccountIds { get; init; } = [];

    /// <summary>
    /// Control-plane log types to have enabled (api, audit, authenticator, controllerManager, scheduler) and all others
    /// disabled; null leaves the cluster's logging as it is.
    /// </summary>
    public ImmutableArray<string>? ControlPlaneLogging { get; init; }

    /// <summary>The EKS LogType enum, in the API's order.</summary>
    public static ImmutableArray<string> LogTypes { get; } = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    /// <summary><c>maxGrantDuration</c>: no <c>expires</c> (and no <c>eksaccess grant</c>) may reach further from now; null: no cap.</summary>
    public TimeSpan? MaxGrantDuration { get; init; }

    public SourceLocation Location { get; init; }

    public string ClusterArn => $"arn:{Partition}:eks:{Region}:{AccountId}:cluster/{Name}";
}
