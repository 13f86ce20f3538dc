using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Http;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.Eks;

/// <summary>
/// <see cref="IEksClient"/> over rest-json: paths and members as in the EKS model (2017-11-01), path parameters
/// percent-encoded in full, idempotency tokens filled in when absent, errors read from <c>x-amzn-ErrorType</c>.
/// </summary>
internal sealed class EksClient : IEksClient
{
    private const string AccessEntryPath = "/clusters/{name}/access-entries/{principalArn}";

    private readonly AwsTransport _transport;

    public EksClient(AwsTransport transport)
    {
        _transport = transport;
    }

    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DescribeCluster";
        return SendAsync<DescribeClusterResponse>(
            Get(Operation, "/clusters/{name}") with { PathResources = Path(("name", Required.Member(request.Name, Operation, "Name"))) },
            cancellationToken);
    }

    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Query(("maxResults", Number(request.MaxResults)), ("nextToken", request.NextToken));
        foreach (var include in request.Include ?? [])
        {
            query.Add(new("include", include));
        }

        return SendAsync<ListClustersResponse>(Get("ListClusters", "/clusters") with { QueryParameters = query }, cancellationToken);
    }

    public Task<UpdateClusterConfigResponse> UpdateClusterConfigAsync(UpdateClusterConfigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "UpdateClusterConfig";
        var body = Body()
            .Add("logging", request.Logging)
            .Add("clientRequestToken", request.ClientRequestToken ?? NewToken())
            .Add("accessConfig", request.AccessConfig);
        return SendAsync<UpdateClusterConfigResponse>(
            Post(Operation, "/clusters/{name}/update-config", body) with { PathResources = Path(("name", Required.Member(request.Name, Operation, "Name"))) },
            cancellationToken);
    }

    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DescribeUpdate";
        return SendAsync<DescribeUpdateResponse>(
            Get(Operation, "/clusters/{name}/updates/{updateId}") with
            {
                PathResources = Path(
                    ("name", Required.Member(request.Name, Operation, "Name")),
                    ("updateId", Required.Member(request.UpdateId, Operation, "UpdateId"))),
                QueryParameters = Query(
                    ("nodegroupName", request.NodegroupName),
                    ("addonName", request.AddonName),
                    ("capabilityName", request.CapabilityName)),
            },
            cancellationToken);
    }

    public Task<CreateAccessEntryResponse> CreateAccessEntryAsync(CreateAccessEntryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "CreateAccessEntry";
        var body = Body()
            .Add("principalArn", Required.Member(request.PrincipalArn, Operation, "PrincipalArn"))
            .Add("kubernetesGroups", request.KubernetesGroups)
            .Add("tags", request.Tags)
            .Add("clientRequestToken", request.ClientRequestToken ?? NewToken())
            .Add("username", request.Username)
            .Add("type", request.Type);
        return SendAsync<CreateAccessEntryResponse>(
            Post(Operation, "/clusters/{name}/access-entries", body) with { PathResources = Path(("name", Required.Member(request.ClusterName, Operation, "ClusterName"))) },
            cancellationToken);
    }

    public Task<DescribeAccessEntryResponse> DescribeAccessEntryAsync(DescribeAccessEntryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DescribeAccessEntry";
        return SendAsync<DescribeAccessEntryResponse>(
            Get(Operation, AccessEntryPath) with { PathResources = EntryPath(Operation, request.ClusterName, request.PrincipalArn) },
            cancellationToken);
    }

    public Task<ListAccessEntriesResponse> ListAccessEntriesAsync(ListAccessEntriesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "ListAccessEntries";
        return SendAsync<ListAccessEntriesResponse>(
            Get(Operation, "/clusters/{name}/access-entries") with
            {
                PathResources = Path(("name", Required.Member(request.ClusterName, Operation, "ClusterName"))),
                QueryParameters = Query(
                    ("associatedPolicyArn", request.AssociatedPolicyArn),
                    ("maxResults", Number(request.MaxResults)),
                    ("nextToken", request.NextToken)),
            },
            cancellationToken);
    }

    public Task<UpdateAccessEntryResponse> UpdateAccessEntryAsync(UpdateAccessEntryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "UpdateAccessEntry";
        var body = Body()
            .Add("kubernetesGroups", request.KubernetesGroups)
            .Add("clientRequestToken", request.ClientRequestToken ?? NewToken())
            .Add("username", request.Username);
        return SendAsync<UpdateAccessEntryResponse>(
            Post(Operation, AccessEntryPath, body) with { PathResources = EntryPath(Operation, request.ClusterName, request.PrincipalArn) },
            cancellationToken);
    }

    public Task<DeleteAccessEntryResponse> DeleteAccessEntryAsync(DeleteAccessEntryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DeleteAccessEntry";
        return SendAsync<DeleteAccessEntryResponse>(
            new AwsWireRequest(AwsService.Eks, Operation, "DELETE", AccessEntryPath) { PathResources = EntryPath(Operation, request.ClusterName, request.PrincipalArn) },
            cancellationToken);
    }

    public Task<AssociateAccessPolicyResponse> AssociateAccessPolicyAsync(AssociateAccessPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "AssociateAccessPolicy";
        var body = Body()
            .Add("policyArn", Required.Member(request.PolicyArn, Operation, "PolicyArn"))
            .Add("accessScope", Required.Member(request.AccessScope, Operation, "AccessScope"));
        return SendAsync<AssociateAccessPolicyResponse>(
            Post(Operation, AccessEntryPath + "/access-policies", body) with { PathResources = EntryPath(Operation, request.ClusterName, request.PrincipalArn) },
            cancellationToken);
    }

    public Task<DisassociateAccessPolicyResponse> DisassociateAccessPolicyAsync(DisassociateAccessPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DisassociateAccessPolicy";
        var path = new Dictionary<string, string>(EntryPath(Operation, request.ClusterName, request.PrincipalArn), StringComparer.Ordinal)
        {
            ["policyArn"] = Required.Member(request.PolicyArn, Operation, "PolicyArn"),
        };
        return SendAsync<DisassociateAccessPolicyResponse>(
            new AwsWireRequest(AwsService.Eks, Operation, "DELETE", AccessEntryPath + "/access-policies/{policyArn}") { PathResources = path },
            cancellationToken);
    }

    public Task<ListAssociatedAccessPoliciesResponse> ListAssociatedAccessPoliciesAsync(ListAssociatedAccessPoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "ListAssociatedAccessPolicies";
        return SendAsync<ListAssociatedAccessPoliciesResponse>(
            Get(Operation, AccessEntryPath + "/access-policies") with
            {
                PathResources = EntryPath(Operation, request.ClusterName, request.PrincipalArn),
                QueryParameters = Query(("maxResults", Number(request.MaxResults)), ("nextToken", request.NextToken)),
            },
            cancellationToken);
    }

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "TagResource";
        var body = Body().Add("tags", Required.Member(request.Tags, Operation, "Tags"));
        return SendAsync<TagResourceResponse>(
            Post(Operation, "/tags/{resourceArn}", body) with { PathResources = Path(("resourceArn", Required.Member(request.ResourceArn, Operation, "ResourceArn"))) },
            cancellationToken);
    }

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "UntagResource";
        var keys = Required.Member(request.TagKeys, Operation, "TagKeys");
        return SendAsync<UntagResourceResponse>(
            new AwsWireRequest(AwsService.Eks, Operation, "DELETE", "/tags/{resourceArn}")
            {
                PathResources = Path(("resourceArn", Required.Member(request.ResourceArn, Operation, "ResourceArn"))),
                QueryParameters = [.. keys.Select(k => new KeyValuePair<string, string>("tagKeys", k))],
            },
            cancellationToken);
    }

    public Task<ListAccessPoliciesResponse> ListAccessPoliciesAsync(ListAccessPoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<ListAccessPoliciesResponse>(
            Get("ListAccessPolicies", "/access-policies") with
            {
                QueryParameters = Query(("maxResults", Number(request.MaxResults)), ("nextToken", request.NextToken)),
            },
            cancellationToken);
    }

    private async Task<T> SendAsync<T>(AwsWireRequest request, CancellationToken cancellationToken)
        where T : new()
    {
        var response = await _transport.SendAsync(request, AwsErrorParsers.RestJson, cancellationToken);
        return JsonResponses.Read<T>(response, request.Operation, AwsJson.CamelCase);
    }

    private static AwsWireRequest Get(string operation, string path) => new(AwsService.Eks, operation, "GET", path);

    private static AwsWireRequest Post(string operation, string path, JsonBody body) =>
        new(AwsService.Eks, operation, "POST", path) { Content = body.ToBytes(), ContentType = "application/json" };

    private static JsonBody Body() => new(AwsJson.CamelCase);

    private static Dictionary<string, string> Path(params (string Name, string Value)[] members) =>
        members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> EntryPath(string operation, string? clusterName, string? principalArn) =>
        Path(
            ("name", Required.Member(clusterName, operation, "ClusterName")),
            ("principalArn", Required.Member(principalArn, operation, "PrincipalArn")));

    private static List<KeyValuePair<string, string>> Query(params (string Name, string? Value)[] members) =>
        [.. members.Where(m => m.Value is not null).Select(m => new KeyValuePair<string, string>(m.Name, m.Value!))];

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewToken() => Guid.NewGuid().ToString();
}
