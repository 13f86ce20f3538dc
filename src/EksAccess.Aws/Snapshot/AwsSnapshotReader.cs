using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.Snapshot;

/// <summary>
/// Reads the AWS half of a snapshot: DescribeCluster → <c>cluster.json</c>; ListAccessEntries, then
/// DescribeAccessEntry and ListAssociatedAccessPolicies per entry → <c>access-entries.json</c>
/// (<c>{"accessEntries":[{…describe-access-entry…, "associatedAccessPolicies":[…]}]}</c>). Output is JSON as the
/// AWS CLI prints it (4-space indent, ISO timestamps), so a person can compare it with <c>aws eks</c> output.
/// A cluster in CONFIG_MAP mode has no access-entry API: its file lists no entries.
/// </summary>
internal sealed class AwsSnapshotReader
{
    private static readonly JsonSerializerOptions CliJson = CreateCliJson();

    private readonly IEksClient _eks;
    private readonly int _maxConcurrency;

    public AwsSnapshotReader(IEksClient eks, int maxConcurrency = 8)
    {
        ArgumentNullException.ThrowIfNull(eks);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _eks = eks;
        _maxConcurrency = maxConcurrency;
    }

    public async Task<AwsSnapshotFiles> ReadAsync(string clusterName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        var described = await _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = clusterName }, cancellationToken);
        var mode = described.Cluster?.AccessConfig?.AuthenticationMode;

        var entries = new List<JsonNode?>();
        if (!string.Equals(mode, AuthenticationMode.ConfigMap, StringComparison.Ordinal))
        {
            var principals = new List<string>();
            await foreach (var principal in _eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = clusterName, MaxResults = 100 }, cancellationToken))
            {
                principals.Add(principal);
            }

            var read = new JsonNode?[principals.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, principals.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken },
                async (index, token) => read[index] = await ReadEntryAsync(clusterName, principals[index], token));
            entries.AddRange(read);
        }

        var clusterJson = Write(JsonSerializer.SerializeToNode(described, AwsJson.TypeInfo<DescribeClusterResponse>(CliJson)));
        var accessEntriesJson = Write(new JsonObject { ["accessEntries"] = new JsonArray([.. entries]) });
        return new AwsSnapshotFiles(clusterJson, accessEntriesJson);
    }

    private async Task<JsonNode?> ReadEntryAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        var entry = await _eks.DescribeAccessEntryAsync(
            new DescribeAccessEntryRequest { ClusterName = clusterName, PrincipalArn = principalArn },
            cancellationToken);
        var policies = new List<AssociatedAccessPolicy>();
        var request = new ListAssociatedAccessPoliciesRequest { ClusterName = clusterName, PrincipalArn = principalArn, MaxResults = 100 };
        await foreach (var policy in _eks.ListAssociatedAccessPoliciesAllAsync(request, cancellationToken))
        {
            policies.Add(policy);
        }

        var node = JsonSerializer.SerializeToNode(entry.AccessEntry ?? new AccessEntry { ClusterName = clusterName, PrincipalArn = principalArn }, AwsJson.TypeInfo<AccessEntry>(CliJson))!.AsObject();
        node["associatedAccessPolicies"] = JsonSerializer.SerializeToNode(policies, AwsJson.TypeInfo<List<AssociatedAccessPolicy>>(CliJson));
        return node;
    }

    private static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer, CliJson);
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static JsonSerializerOptions CreateCliJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new AwsCliTimestampConverter());
        options.TypeInfoResolver = AwsJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }
}
