using System.Text.Json.Nodes;

namespace EksAccess.KubeStub;

/// <summary>The discovery documents kubectl and client libraries read: /api, /api/v1, /apis, /apis/{group}[/{version}], /version.</summary>
internal static class KubeDiscovery
{
    public static JsonObject Versions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. KubeResource.All.Where(r => r.Group.Length > 0).Select(r => r.Group).Distinct().Select(g => (JsonNode)Group(g))]),
    };

    public static JsonObject Group(string group) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group,
        ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = $"{group}/v1", ["version"] = "v1" }),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/v1", ["version"] = "v1" },
    };

    public static JsonObject Resources(string group, string version) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
        ["resources"] = new JsonArray([.. KubeResource.All.Where(r => r.Group == group && r.Version == version).Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Plural,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Namespaced,
            ["kind"] = r.Kind,
            ["verbs"] = r.Plural == "subjectaccessreviews"
                ? new JsonArray("create")
                : new JsonArray("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"),
            ["shortNames"] = new JsonArray([.. r.ShortNames.Select(s => (JsonNode)s)]),
        })]),
    };

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4-eks-stub",
        ["platform"] = "linux/amd64",
    };
}
