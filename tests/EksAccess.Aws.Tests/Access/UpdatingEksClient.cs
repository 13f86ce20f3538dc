using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Tests.Access;

/// <summary>An EKS client whose cluster update reports the given statuses in turn (UpdateClusterConfig, then each DescribeUpdate).</summary>
internal sealed class UpdatingEksClient(params string[] statuses) : IEksClient
{
    private int _next;

    public int Describes { get; private set; }

    public Task<UpdateClusterConfigResponse> UpdateClusterConfigAsync(UpdateClusterConfigRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new UpdateClusterConfigResponse { Update = Next() });

    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken)
    {
        Describes++;
        request.UpdateId.ShouldBe("u-1");
        return Task.FromResult(new DescribeUpdateResponse { Update = Next() });
    }

    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CreateAccessEntryResponse> CreateAccessEntryAsync(CreateAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DescribeAccessEntryResponse> DescribeAccessEntryAsync(DescribeAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListAccessEntriesResponse> ListAccessEntriesAsync(ListAccessEntriesRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UpdateAccessEntryResponse> UpdateAccessEntryAsync(UpdateAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeleteAccessEntryResponse> DeleteAccessEntryAsync(DeleteAccessEntryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AssociateAccessPolicyResponse> AssociateAccessPolicyAsync(AssociateAccessPolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DisassociateAccessPolicyResponse> DisassociateAccessPolicyAsync(DisassociateAccessPolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListAssociatedAccessPoliciesResponse> ListAssociatedAccessPoliciesAsync(ListAssociatedAccessPoliciesRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ListAccessPoliciesResponse> ListAccessPoliciesAsync(ListAccessPoliciesRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    private Update Next()
    {
        var status = statuses[Math.Min(_next++, statuses.Length - 1)];
        return new Update
        {
            Id = "u-1",
            Status = status,
            Errors = status == UpdateStatus.Failed ? [new ErrorDetail { ErrorCode = "AccessDenied", ErrorMessage = "no" }] : [],
        };
    }
}
