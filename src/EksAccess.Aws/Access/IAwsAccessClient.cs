using System.Collections.Immutable;
using Amazon.Runtime;
using EksAccess.Aws.Snapshot;
using EksAccess.Core.Migration;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;

namespace EksAccess.Aws.Access;

/// <summary>
/// The AWS calls eksaccess makes, named after what the domain needs: Core records go in and come out, and the
/// SDK-shaped clients and wire models stop here (as <c>IKubernetesClusterClient</c> does for Kubernetes). Failures
/// surface as <see cref="AwsServiceException"/> and <see cref="AwsConfigurationException"/>.
/// </summary>
public interface IAwsAccessClient
{
    /// <summary>The region the calls go to (explicit, environment, then profile), or null when none is configured.</summary>
    string? Region { get; }

    /// <summary>The caller's ARN (sts:GetCallerIdentity).</summary>
    Task<string> ReadCallerArnAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Everything an access config concerns: the caller, the IAM users, roles and groups it names, the
    /// eksaccess-managed ones it no longer names, the cluster and its access entries with their policies.
    /// </summary>
    Task<AwsObservedState> ReadObservedStateAsync(AccessConfig config, CancellationToken cancellationToken);

    /// <summary>eks:DescribeCluster; a missing cluster throws (ResourceNotFoundException).</summary>
    Task<ObservedCluster> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>Outside CONFIG_MAP mode, every access entry of the cluster with its policies; none when the cluster does not exist.</summary>
    Task<ImmutableArray<ObservedAccessEntry>> ReadAccessEntriesAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>
    /// The AWS half of a live snapshot: the cluster and its access entries, as the snapshot files of
    /// <see cref="ReadSnapshotFilesAsync"/> load. Answers that do not load throw <see cref="InvalidDataException"/>.
    /// </summary>
    Task<ClusterSnapshot> ReadClusterAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>cluster.json and access-entries.json as the AWS CLI prints them.</summary>
    Task<AwsSnapshotFiles> ReadSnapshotFilesAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>
    /// An IAM user's groups (with their inline policies), its own inline policies and its access keys;
    /// <see cref="IamPrincipalFacts.None"/> for a role or a user that no longer exists.
    /// </summary>
    Task<IamPrincipalFacts> ReadPrincipalAsync(string principalArn, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an IAM user or role exists (iam:GetUser / iam:GetRole by name; an assumed-role session as its role).
    /// Only meaningful for a principal of the caller's account: IAM answers for no other.
    /// </summary>
    Task<bool> PrincipalExistsAsync(string principalArn, CancellationToken cancellationToken);

    /// <summary>
    /// The principal as IAM knows it, asked in the account these credentials belong to (iam:GetRole / iam:GetUser by
    /// name): its ARN with the path, its RoleId/UserId, or that it no longer exists. An answer from an account other than
    /// the ARN's is reported as unresolvable, never taken.
    /// </summary>
    Task<PrincipalLookup> LookupPrincipalAsync(string principalArn, CancellationToken cancellationToken);

    /// <summary>sts:AssumeRole: credentials for reading IAM in another account (<c>migrate --assume-role-in</c>).</summary>
    Task<AWSCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken cancellationToken);

    /// <summary>The names of the region's EKS clusters (eks:ListClusters), sorted.</summary>
    Task<ImmutableArray<string>> ListClustersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the call behind one action. Idempotent: "already exists" on a create and "not found" on a delete count as
    /// done; a cluster update is waited for (DescribeUpdate) until it succeeds. A created access key comes back in the
    /// outcome, for the caller to store: it cannot be read again.
    /// </summary>
    Task<AwsActionOutcome> ExecuteAsync(AwsAction action, CancellationToken cancellationToken);
}
