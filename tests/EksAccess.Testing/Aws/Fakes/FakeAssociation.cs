using System.Text.Json.Nodes;

namespace EksAccess.Testing.Aws;

/// <summary>An access policy associated with a fake access entry.</summary>
internal sealed record FakeAssociation(string PolicyArn, string Type, List<string> Namespaces, double AssociatedAt, double ModifiedAt)
{
    public JsonObject ToJson() => new()
    {
        ["policyArn"] = PolicyArn,
        ["accessScope"] = new JsonObject
        {
            ["type"] = Type,
            ["namespaces"] = new JsonArray([.. Namespaces.Select(n => (JsonNode?)JsonValue.Create(n))]),
        },
        ["associatedAt"] = AssociatedAt,
        ["modifiedAt"] = ModifiedAt,
    };
}
