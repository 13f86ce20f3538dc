using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Eks;

/// <summary>
/// Amazon EKS (rest-json, API version 2017-11-01), shaped like AWSSDK.EKS's <c>IAmazonEKS</c> for the operations eksaccess uses.
/// Failures surface as <see cref="AwsServiceException"/> after bounded retries of throttling and transient errors.
/// </summary>
internal interface IEksClient
{
    Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken);

    Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken);

    Task<UpdateClusterConfigResponse> UpdateClusterConfigAsync(UpdateClusterConfigRequest request, CancellationToken cancellationToken);

    Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken);

    Task<CreateAccessEntryResponse> CreateAccessEntryAsync(CreateAccessEntryRequest request, CancellationToken cancellationToken);

    Task<DescribeAccessEntryResponse> DescribeAccessEntryAsync(DescribeAccessEntryRequest request, CancellationToken cancellationToken);

    Task<ListAccessEntriesResponse> ListAccessEntriesAsync(ListAccessEntriesRequest request, CancellationToken cancellationToken);

    Task<UpdateAccessEntryResponse> UpdateAccessEntryAsync(UpdateAccessEntryRequest request, CancellationToken cancellationToken);

    Task<DeleteAccessEntryResponse> DeleteAccessEntryAsync(DeleteAccessEntryRequest request, CancellationToken cancellationToken);

    Task<AssociateAccessPolicyResponse> AssociateAccessPolicyAsync(AssociateAccessPolicyRequest request, CancellationToken cancellationToken);

    Task<DisassociateAccessPolicyResponse> DisassociateAccessPolicyAsync(DisassociateAccessPolicyRequest request, CancellationToken cancellationToken);

    Task<ListAssociatedAccessPoliciesResponse> ListAssociatedAccessPoliciesAsync(ListAssociatedAccessPoliciesRequest request, CancellationToken cancellationToken);

    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken);

    Task<ListAccessPoliciesResponse> ListAccessPoliciesAsync(ListAccessPoliciesRequest request, CancellationToken cancellationToken);
}
