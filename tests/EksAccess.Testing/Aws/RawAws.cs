using System.Text;
using System.Text.Json.Nodes;
using EksAccess.Aws;
using EksAccess.Aws.Http;
using EksAccess.Aws.Json;

namespace EksAccess.Testing.Aws;

/// <summary>Signed calls the product does not need, for seeding moto: CreateCluster, Logs groups/streams/events.</summary>
internal sealed class RawAws
{
    private readonly AwsTransport _transport;

    public RawAws(AwsClientSettings settings)
    {
        var endpoints = new AwsEndpointResolver(settings);
        _transport = new AwsTransport(settings, endpoints, new AwsCredentialSource(settings, endpoints), AwsTransport.SharedHttpClient);
    }

    public Task CreateClusterAsync(string name, string authenticationMode, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["roleArn"] = "arn:aws:iam::123456789012:role/eks-cluster",
            ["resourcesVpcConfig"] = new JsonObject { ["subnetIds"] = new JsonArray("subnet-1", "subnet-2") },
            ["accessConfig"] = new JsonObject { ["authenticationMode"] = authenticationMode, ["bootstrapClusterCreatorAdminPermissions"] = true },
        };
        var request = new AwsWireRequest(AwsService.Eks, "CreateCluster", "POST", "/clusters")
        {
            Content = Encoding.UTF8.GetBytes(body.ToJsonString()),
            ContentType = "application/json",
        };
        return _transport.SendAsync(request, AwsErrorParsers.RestJson, cancellationToken);
    }

    public async Task PutLogEventsAsync(string group, string stream, IReadOnlyList<(long Timestamp, string Message)> events, CancellationToken cancellationToken)
    {
        var rpc = new JsonRpc(_transport, AwsService.CloudWatchLogs, "Logs_20140328", AwsJson.CamelCase);
        await rpc.CallAsync<JsonObject, Dictionary<string, System.Text.Json.JsonElement>>("CreateLogGroup", new JsonObject { ["logGroupName"] = group }, cancellationToken);
        await rpc.CallAsync<JsonObject, Dictionary<string, System.Text.Json.JsonElement>>("CreateLogStream", new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream }, cancellationToken);
        var items = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject { ["timestamp"] = e.Timestamp, ["message"] = e.Message })]);
        await rpc.CallAsync<JsonObject, Dictionary<string, System.Text.Json.JsonElement>>(
            "PutLogEvents",
            new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream, ["logEvents"] = items },
            cancellationToken);
    }
}
