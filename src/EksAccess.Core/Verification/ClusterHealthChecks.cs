using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;

namespace EksAccess.Core.Verification;

/// <summary>
/// doctor's judgement of a cluster and its caller, from what DescribeCluster, GetCallerIdentity and the access entries
/// showed: the cluster exists and is ACTIVE, its version and endpoint, its authentication mode and whether access entries
/// are usable, api/audit/authenticator logging, and whether the caller has a path to cluster-admin.
/// </summary>
public static class ClusterHealthChecks
{
    private const string AdminPathName = "caller cluster-admin";
    private const string AwsAuthUnknown = "unknown (aws-auth not readable without Kubernetes)";
    private static readonly string[] WantedLogs = ["api", "audit", "authenticator"];

    /// <summary>The checks when DescribeCluster failed (<paramref name="failure"/>: the error and what to try).</summary>
    public static ImmutableArray<DoctorCheck> Unreadable(string callerArn, string failure) =>
        [Caller(callerArn), new DoctorCheck("cluster exists", DoctorCheckStatus.Fail, failure)];

    /// <summary>Whether the admin-path check needs the cluster's access entries (there are none to read in CONFIG_MAP mode).</summary>
    public static bool NeedsAccessEntries(ObservedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.AuthenticationMode is not (null or AuthenticationMode.ConfigMap);
    }

    /// <summary>Every check of a cluster DescribeCluster returned; <paramref name="entries"/> are its access entries (see <see cref="NeedsAccessEntries"/>).</summary>
    public static ImmutableArray<DoctorCheck> Check(string clusterName, string callerArn, ObservedCluster cluster, ImmutableArray<ObservedAccessEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(cluster);
        var checks = ImmutableArray.CreateBuilder<DoctorCheck>();
        checks.Add(Caller(callerArn));
        checks.Add(new DoctorCheck("cluster exists", DoctorCheckStatus.Ok, cluster.Arn ?? clusterName));
        checks.Add(string.Equals(cluster.Status, "ACTIVE", StringComparison.Ordinal)
            ? new DoctorCheck("cluster active", DoctorCheckStatus.Ok, "ACTIVE")
            : new DoctorCheck("cluster active", DoctorCheckStatus.Fail, $"{cluster.Status ?? "unknown"} — wait until the cluster is ACTIVE"));
        checks.Add(new DoctorCheck("version", DoctorCheckStatus.Info, $"{cluster.Version ?? "unknown"} (platform {cluster.PlatformVersion ?? "unknown"})"));
        checks.Add(new DoctorCheck("endpoint", DoctorCheckStatus.Info, cluster.Endpoint ?? "none"));
        var mode = cluster.AuthenticationMode;
        checks.Add(mode is null
            ? new DoctorCheck("authentication mode", DoctorCheckStatus.Unknown, cluster.ReportedAuthenticationMode ?? "not reported")
            : new DoctorCheck("authentication mode", DoctorCheckStatus.Info, mode.Value.ToWire()));
        checks.Add(mode switch
        {
            AuthenticationMode.ConfigMap => new DoctorCheck("access entries usable", DoctorCheckStatus.Fail, "CONFIG_MAP mode has no access entries — set cluster.authenticationMode: API_AND_CONFIG_MAP in access.yaml and apply"),
            null => new DoctorCheck("access entries usable", DoctorCheckStatus.Unknown, "authentication mode not reported"),
            _ => new DoctorCheck("access entries usable", DoctorCheckStatus.Ok, $"yes ({mode.Value.ToWire()})"),
        });
        foreach (var log in WantedLogs)
        {
            checks.Add(cluster.EnabledLogTypes.Contains(log, StringComparer.Ordinal)
                ? new DoctorCheck($"{log} logging", DoctorCheckStatus.Ok, "enabled")
                : new DoctorCheck($"{log} logging", DoctorCheckStatus.Fail, $"disabled — aws eks update-cluster-config --name {clusterName} --logging '{{\"clusterLogging\":[{{\"types\":[\"{log}\"],\"enabled\":true}}]}}'"));
        }

        checks.Add(AdminPath(callerArn, mode, entries));
        return checks.ToImmutable();
    }

    private static DoctorCheck Caller(string callerArn) => new("caller", DoctorCheckStatus.Ok, callerArn);

    private static DoctorCheck AdminPath(string callerArn, AuthenticationMode? mode, ImmutableArray<ObservedAccessEntry> entries)
    {
        if (mode is null or AuthenticationMode.ConfigMap)
        {
            return new DoctorCheck(AdminPathName, DoctorCheckStatus.Unknown, AwsAuthUnknown);
        }

        var own = (entries.IsDefault ? [] : entries).Where(e => AwsPlanner.IsCaller(callerArn, e.PrincipalArn)).ToList();
        var admin = own.FirstOrDefault(e => e.AssociatedAccessPolicies.Any(AwsPlanner.IsClusterAdmin));
        if (admin is not null)
        {
            return new DoctorCheck(AdminPathName, DoctorCheckStatus.Ok, $"yes: access entry {admin.PrincipalArn} with AmazonEKSClusterAdminPolicy (cluster scope)");
        }

        var found = own.Count == 0 ? "no access entry for the caller" : $"access entry {own[0].PrincipalArn} without AmazonEKSClusterAdminPolicy at cluster scope";
        return mode == AuthenticationMode.Api
            ? new DoctorCheck(AdminPathName, DoctorCheckStatus.Fail, $"no: {found}, and API mode ignores aws-auth — add the caller under admins: in access.yaml")
            : new DoctorCheck(AdminPathName, DoctorCheckStatus.Unknown, $"{found}; aws-auth may still map it: {AwsAuthUnknown}");
    }
}
