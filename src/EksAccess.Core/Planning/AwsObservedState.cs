using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>
/// What the AWS half of a plan read: the caller, the IAM users, roles and groups the config names (absent = does not
/// exist) plus the eksaccess-managed users and roles it no longer names, the cluster (null = not found or not read),
/// and every access entry of the cluster with its associated policies. Built by the CLI's AWS target or by tests.
/// </summary>
public sealed record AwsObservedState
{
    public static AwsObservedState Empty { get; } = new();

    /// <summary>The STS caller ARN (GetCallerIdentity), or null when unknown; used to protect the caller's own access.</summary>
    public string? CallerArn { get; init; }

    public ImmutableArray<ObservedIamUser> Users { get; init; } = [];

    public ImmutableArray<ObservedIamRole> Roles { get; init; } = [];

    public ImmutableArray<ObservedIamGroup> Groups { get; init; } = [];

    public ObservedCluster? Cluster { get; init; }

    /// <summary>Every access entry of the cluster (none in CONFIG_MAP mode, which has no access-entry API).</summary>
    public ImmutableArray<ObservedAccessEntry> AccessEntries { get; init; } = [];
}
