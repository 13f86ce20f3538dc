using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Tests.Snapshot;

/// <summary>An in-memory <see cref="IEksClient"/> for reader tests: an API-mode cluster with the given entries.</summary>
internal sealed class StubEksClient(IReadOnlyList<string> principals) : IEksClient
{
    private int _listPages;

    public int ListPages => _listPages;

    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DescribeClusterResponse
        {
            Cluster = new Cluster { Name = request.Name, AccessConfig = new AccessConfigResponse { AuthenticationMode = AuthenticationMode.Api } },
        });

    public Task<ListAccessEntriesResponse> ListAccessEntriesAsync(ListAccessEntriesRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listPages);
        var start = request.NextToken is null ? 0 : int.Parse(request.NextToken, System.Globalization.CultureInfo.InvariantCulture);
        var max = request.MaxResults ?? 100;
        var next = start + max < principals.Count ? (start + max).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ListAccessEntriesResponse { AccessEntries = [.. principals.Skip(start).Take(max)], NextToken = next });
    }

    public async Task<DescribeAccessEntryResponse> DescribeAccessEntryAsync(DescribeAccessEntryRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return new DescribeAccessEntryResponse
        {
            AccessEntry = new AccessEntry { ClusterName = request.ClusterName, PrincipalArn = request.PrincipalArn, Type = "STANDARD", KubernetesGroups = [] },
        };
    }

    public Task<ListAssociatedAccessPoliciesResponse> ListAssociatedAccessPoliciesAsync(ListAssociatedAccessPoliciesRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListAssociatedAccessPoliciesResponse { ClusterName = request.ClusterName, PrincipalArn = request.PrincipalArn, AssociatedAccessPolicies = [] });

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UpdateClusterConfigResponse> UpdateClusterConfigAsync(UpdateClusterConfigRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CreateAccessEntryResponse> CreateAccessEntryAsync(CreateAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UpdateAccessEntryResponse> UpdateAccessEntryAsync(UpdateAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeleteAccessEntryResponse> DeleteAccessEntryAsync(DeleteAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AssociateAccessPolicyResponse> AssociateAccessPolicyAsync(AssociateAccessPolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DisassociateAccessPolicyResponse> DisassociateAccessPolicyAsync(DisassociateAccessPolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListAccessPoliciesResponse> ListAccessPoliciesAsync(ListAccessPoliciesRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
}
