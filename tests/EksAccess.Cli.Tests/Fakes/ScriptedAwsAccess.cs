using System.Collections.Concurrent;
using System.Collections.Immutable;
using Amazon.Runtime;
using EksAccess.Aws.Access;
using EksAccess.Aws.Snapshot;
using EksAccess.Core.Config;
using EksAccess.Core.Migration;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;

namespace EksAccess.Cli.Tests.Fakes;

/// <summary>An AWS adapter whose executions answer with <paramref name="execute"/> (and are recorded in order); it reads nothing.</summary>
internal sealed class ScriptedAwsAccess(Func<AwsAction, AwsActionOutcome> execute) : IAwsAccessClient
{
    private readonly ConcurrentQueue<AwsAction> _executed = new();

    public IReadOnlyList<AwsAction> Executed => [.. _executed];

    public string? Region => "us-east-1";

    public Task<AwsActionOutcome> ExecuteAsync(AwsAction action, CancellationToken cancellationToken)
    {
        _executed.Enqueue(action);
        return Task.FromResult(execute(action));
    }

    public Task<string> ReadCallerArnAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AwsObservedState> ReadObservedStateAsync(AccessConfig config, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ObservedCluster> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ImmutableArray<ObservedAccessEntry>> ReadAccessEntriesAsync(string clusterName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ClusterSnapshot> ReadClusterAsync(string clusterName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AwsSnapshotFiles> ReadSnapshotFilesAsync(string clusterName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IamPrincipalFacts> ReadPrincipalAsync(string principalArn, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> PrincipalExistsAsync(string principalArn, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ImmutableArray<string>> ListClustersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PrincipalLookup> LookupPrincipalAsync(string principalArn, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AWSCredentials> AssumeRoleAsync(string roleArn, string sessionName, CancellationToken cancellationToken) => throw new NotSupportedException();
}
