using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using System.Collections.Immutable;
using Amazon.Runtime;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Snapshot;
using EksAccess.Aws.Sts.Model;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Aws.Access;

/// <summary>
/// <see cref="IAwsAccessClient"/> over the signed EKS, IAM and STS clients: reads go through
/// <see cref="AwsStateReader"/> (at most <see cref="ReadConcurrency"/> calls in flight) and
/// <see cref="AwsSnapshotReader"/>, writes through <see cref="AwsActionExecutor"/>.
/// </summary>
public sealed class AwsAccessClient : IAwsAccessClient
{
    private readonly AwsClients _clients;
    private readonly TimeProvider _time;

    public AwsAccessClient(AwsClients clients, string? region, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(time);
        _clients = clients;
        Region = region;
        _time = time;
    }

    public string? Region { get; }

    /// <summary>How many reads are in flight at once.</summary>
    public int ReadConcurrency { get; init; } = 8;

    /// <summary>How long to wait for an entry's principal to become visible to EKS after IAM created it (IAM is eventually consistent).</summary>
    public TimeSpan PrincipalPropagationDelay { get; init; } = TimeSpan.FromSeconds(3);

    public int PrincipalPropagationAttempts { get; init; } = 6;

    /// <summary>Real clients for <paramref name="settings"/> (nothing is resolved until the first call).</summary>
    public static AwsAccessClient Create(AwsClientSettings settings, TimeProvider time) =>
        new(AwsClients.Create(settings), AwsClients.ResolveRegion(settings), time);

    public async Task<string> ReadCallerArnAsync(CancellationToken cancellationToken) =>
        (await _clients.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).Arn ?? "";

    public async Task<AwsObservedState> ReadObservedStateAsync(AccessConfig config, CancellationToken cancellationToken)
    {
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return await reader.ReadAsync(config, cancellationToken);
    }

    public async Task<ObservedCluster> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken)
    {
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return await reader.DescribeClusterAsync(clusterName, cancellationToken);
    }

    public async Task<ImmutableArray<ObservedAccessEntry>> ReadAccessEntriesAsync(string clusterName, CancellationToken cancellationToken)
    {
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return (await reader.ReadClusterAsync(clusterName, cancellationToken)).Entries;
    }

    public async Task<ClusterSnapshot> ReadClusterAsync(string clusterName, CancellationToken cancellationToken)
    {
        var files = await ReadSnapshotFilesAsync(clusterName, cancellationToken);
        var loaded = SnapshotLoader.Load(
        [
            new SnapshotFile(AwsSnapshotFiles.ClusterFileName, files.ClusterJson),
            new SnapshotFile(AwsSnapshotFiles.AccessEntriesFileName, files.AccessEntriesJson),
        ]);
        return loaded.HasErrors
            ? throw new InvalidDataException($"the AWS answers for cluster {clusterName} do not read as a snapshot: {loaded.Errors[0]}")
            : loaded.Snapshot;
    }

    public Task<AwsSnapshotFiles> ReadSnapshotFilesAsync(string clusterName, CancellationToken cancellationToken) =>
        new AwsSnapshotReader(_clients.Eks, ReadConcurrency).ReadAsync(clusterName, cancellationToken);

    public async Task<bool> PrincipalExistsAsync(string principalArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return await reader.PrincipalExistsAsync(principalArn, cancellationToken);
    }

    public async Task<PrincipalLookup> LookupPrincipalAsync(string principalArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return await reader.LookupPrincipalAsync(principalArn, cancellationToken);
    }

    public async Task<AWSCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken cancellationToken)
    {
        var response = await _clients.Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName }, cancellationToken);
        return response.Credentials is { AccessKeyId: { } key, SecretAccessKey: { } secret, SessionToken: { } token }
            ? new SessionAWSCredentials(key, secret, token)
            : throw new InvalidDataException($"sts:AssumeRole {roleArn} answered without credentials");
    }

    public async Task<IamPrincipalFacts> ReadPrincipalAsync(string principalArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        if (PrincipalResolver.KindOf(principalArn) != IamPrincipalKind.User)
        {
            return IamPrincipalFacts.None;
        }

        // A mapping can outlive its IAM user: then there is nothing in IAM to revoke.
        using var reader = new AwsStateReader(_clients, ReadConcurrency);
        return await reader.ReadUserWithGroupsAsync(PrincipalResolver.IamNameOf(principalArn), cancellationToken) is { } read
            ? IamPrincipalFacts.From(read.User, read.Groups)
            : IamPrincipalFacts.None;
    }

    public async Task<ImmutableArray<string>> ListClustersAsync(CancellationToken cancellationToken)
    {
        var clusters = new List<string>();
        await foreach (var name in _clients.Eks.ListClustersAllAsync(new ListClustersRequest(), cancellationToken))
        {
            clusters.Add(name);
        }

        return [.. clusters.Order(StringComparer.Ordinal)];
    }

    public Task<AwsActionOutcome> ExecuteAsync(AwsAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var executor = new AwsActionExecutor(_clients, _time)
        {
            PrincipalPropagationDelay = PrincipalPropagationDelay,
            PrincipalPropagationAttempts = PrincipalPropagationAttempts,
        };
        return executor.ExecuteAsync(action, cancellationToken);
    }
}
