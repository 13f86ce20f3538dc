using System.Text.Json.Nodes;

namespace EksAccess.Testing.Aws;

/// <summary>An access entry held by the fake, with its associated policies by policy ARN.</summary>
internal sealed class FakeAccessEntry
{
    public required string ClusterName { get; init; }

    public required string PrincipalArn { get; init; }

    public required List<string> KubernetesGroups { get; set; }

    public required string AccessEntryArn { get; init; }

    public required double CreatedAt { get; init; }

    public required double ModifiedAt { get; set; }

    public required Dictionary<string, string> Tags { get; init; }

    public required string Username { get; set; }

    public required string Type { get; init; }

    public Dictionary<string, FakeAssociation> Policies { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["clusterName"] = ClusterName,
        ["principalArn"] = PrincipalArn,
        ["kubernetesGroups"] = new JsonArray([.. KubernetesGroups.Select(g => (JsonNode?)JsonValue.Create(g))]),
        ["accessEntryArn"] = AccessEntryArn,
        ["createdAt"] = CreatedAt,
        ["modifiedAt"] = ModifiedAt,
        ["tags"] = new JsonObject(Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
        ["username"] = Username,
        ["type"] = Type,
    };
}
