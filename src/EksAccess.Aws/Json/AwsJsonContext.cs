using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EksAccess.Aws.CloudTrail.Model;
using EksAccess.Aws.CloudWatchLogs.Model;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Json;

/// <summary>
/// Source-generated JSON metadata for every wire type the EKS, CloudWatch Logs and CloudTrail clients send or read, so
/// serialization needs no reflection (the CLI publishes with NativeAOT, bench/publish-aot.sh). Naming, converters and
/// number handling come from the options that use it (<see cref="AwsJson"/>). A new request or response type is added here.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Logging))]
[JsonSerializable(typeof(UpdateAccessConfigRequest))]
[JsonSerializable(typeof(AccessScope))]
[JsonSerializable(typeof(AccessEntry))]
[JsonSerializable(typeof(List<AssociatedAccessPolicy>))]
[JsonSerializable(typeof(DescribeClusterResponse))]
[JsonSerializable(typeof(ListClustersResponse))]
[JsonSerializable(typeof(UpdateClusterConfigResponse))]
[JsonSerializable(typeof(DescribeUpdateResponse))]
[JsonSerializable(typeof(CreateAccessEntryResponse))]
[JsonSerializable(typeof(DescribeAccessEntryResponse))]
[JsonSerializable(typeof(ListAccessEntriesResponse))]
[JsonSerializable(typeof(UpdateAccessEntryResponse))]
[JsonSerializable(typeof(DeleteAccessEntryResponse))]
[JsonSerializable(typeof(AssociateAccessPolicyResponse))]
[JsonSerializable(typeof(DisassociateAccessPolicyResponse))]
[JsonSerializable(typeof(ListAssociatedAccessPoliciesResponse))]
[JsonSerializable(typeof(ListAccessPoliciesResponse))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(UntagResourceResponse))]
[JsonSerializable(typeof(StartQueryRequest))]
[JsonSerializable(typeof(StartQueryResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
[JsonSerializable(typeof(LookupEventsRequest))]
[JsonSerializable(typeof(LookupEventsResponse))]
internal sealed partial class AwsJsonContext : JsonSerializerContext;
