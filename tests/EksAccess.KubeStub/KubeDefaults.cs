using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;

namespace EksAccess.KubeStub;

/// <summary>
/// What the API server does to an object before it stores it: defaulting (subjects' apiGroup, LimitRange defaults,
/// a namespace's name label and finalizer), canonical quantities, omitempty (empty lists and maps are dropped), and
/// validation (names, roleRef, subjects, rules, quantities) with 422 Invalid answers.
/// </summary>
internal static partial class KubeDefaults
{
    private static readonly string[] QuantityMaps = ["default", "defaultRequest", "max", "min", "maxLimitRequestRatio"];
    private static readonly string[] RuleLists = ["apiGroups", "resources", "resourceNames", "nonResourceURLs", "verbs"];

    public static void Normalize(KubeResource resource, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        DropEmpty(metadata, "labels");
        DropEmpty(metadata, "annotations");
        switch (resource.Plural)
        {
            case "namespaces":
                var labels = metadata["labels"] as JsonObject ?? [];
                labels["kubernetes.io/metadata.name"] = (string?)metadata["name"];
                metadata["labels"] = labels;
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "configmaps":
                DropEmpty(obj, "data");
                break;
            case "resourcequotas":
                if (obj["spec"]?["hard"] is JsonObject hard)
                {
                    Canonicalize(resource, obj, hard, "spec.hard");
                }

                break;
            case "limitranges":
                if (obj["spec"]?["limits"] is JsonArray limits)
                {
                    for (var i = 0; i < limits.Count; i++)
                    {
                        if (limits[i] is JsonObject item)
                        {
                            DefaultLimitRangeItem(item);
                            foreach (var map in QuantityMaps)
                            {
                                if (item[map] is JsonObject quantities)
                                {
                                    Canonicalize(resource, obj, quantities, $"spec.limits[{i}].{map}");
                                }

                                DropEmpty(item, map);
                            }
                        }
                    }
                }

                break;
            case "roles" or "clusterroles":
                if (obj["rules"] is JsonArray rules)
                {
                    foreach (var rule in rules.OfType<JsonObject>())
                    {
                        foreach (var list in RuleLists)
                        {
                            DropEmpty(rule, list);
                        }
                    }
                }

                DropEmpty(obj, "rules");
                break;
            case "rolebindings" or "clusterrolebindings":
                if (obj["subjects"] is JsonArray subjects)
                {
                    foreach (var subject in subjects.OfType<JsonObject>())
                    {
                        var kind = (string?)subject["kind"];
                        if (subject["apiGroup"] is null || (string?)subject["apiGroup"] == "")
                        {
                            if (kind is "User" or "Group")
                            {
                                subject["apiGroup"] = KubeResource.RbacGroup;
                            }
                            else
                            {
                                subject.Remove("apiGroup");
                            }
                        }
                    }
                }

                DropEmpty(obj, "subjects");
                break;
        }
    }

    /// <summary>Rejects what the API server's validation rejects, for the stub's kinds.</summary>
    public static void Validate(KubeResource resource, JsonObject obj, JsonObject? old)
    {
        var name = (string?)obj["metadata"]?["name"] ?? "";
        if (name.Length == 0)
        {
            throw KubeStatusException.Invalid(resource, name, "metadata.name", "Required value: name or generateName is required");
        }

        var nameOk = resource.Plural switch
        {
            "namespaces" => DnsLabel().IsMatch(name) && name.Length <= 63,
            "roles" or "rolebindings" or "clusterroles" or "clusterrolebindings" => !name.Contains('/') && !name.Contains('%') && name is not ("." or ".."),
            _ => DnsSubdomain().IsMatch(name) && name.Length <= 253,
        };
        if (!nameOk)
        {
            throw KubeStatusException.Invalid(resource, name, "metadata.name", $"Invalid value: \"{name}\": not a valid name for {resource.Plural}");
        }

        switch (resource.Plural)
        {
            case "rolebindings" or "clusterrolebindings":
                ValidateBinding(resource, obj, old, name);
                break;
            case "roles" or "clusterroles":
                if (obj["rules"] is JsonArray rules)
                {
                    for (var i = 0; i < rules.Count; i++)
                    {
                        if (rules[i]?["verbs"] is not JsonArray { Count: > 0 })
                        {
                            throw KubeStatusException.Invalid(resource, name, $"rules[{i}].verbs", "Required value: verbs must contain at least one value");
                        }

                        var hasUrls = rules[i]?["nonResourceURLs"] is JsonArray { Count: > 0 };
                        var hasResources = rules[i]?["resources"] is JsonArray { Count: > 0 };
                        if (hasUrls && resource.Plural == "roles")
                        {
                            throw KubeStatusException.Invalid(resource, name, $"rules[{i}].nonResourceURLs", "Invalid value: namespaced rules cannot apply to non-resource URLs");
                        }

                        if (!hasUrls && !hasResources)
                        {
                            throw KubeStatusException.Invalid(resource, name, $"rules[{i}].resources", "Required value: resource rules must supply at least one resource");
                        }

                        if (hasResources && rules[i]?["apiGroups"] is not JsonArray { Count: > 0 })
                        {
                            throw KubeStatusException.Invalid(resource, name, $"rules[{i}].apiGroups", "Required value: resource rules must supply at least one api group");
                        }
                    }
                }

                break;
            case "configmaps":
                if (obj["data"] is JsonObject data && data.Any(pair => pair.Value is not JsonValue value || !value.TryGetValue<string>(out _)))
                {
                    throw KubeStatusException.BadRequest("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: data values must be strings");
                }

                break;
        }
    }

    private static void ValidateBinding(KubeResource resource, JsonObject obj, JsonObject? old, string name)
    {
        var roleRef = obj["roleRef"] as JsonObject;
        var refKind = (string?)roleRef?["kind"];
        if ((string?)roleRef?["apiGroup"] != KubeResource.RbacGroup)
        {
            throw KubeStatusException.Invalid(resource, name, "roleRef.apiGroup", $"Unsupported value: \"{(string?)roleRef?["apiGroup"]}\": supported values: \"{KubeResource.RbacGroup}\"");
        }

        var allowed = resource.Plural == "rolebindings" ? new[] { "Role", "ClusterRole" } : ["ClusterRole"];
        if (!allowed.Contains(refKind))
        {
            throw KubeStatusException.Invalid(resource, name, "roleRef.kind", $"Unsupported value: \"{refKind}\": supported values: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
        }

        if (string.IsNullOrEmpty((string?)roleRef?["name"]))
        {
            throw KubeStatusException.Invalid(resource, name, "roleRef.name", "Required value");
        }

        if (old is not null && !JsonNode.DeepEquals(old["roleRef"], obj["roleRef"]))
        {
            throw KubeStatusException.Invalid(resource, name, "roleRef", "Invalid value: cannot change roleRef");
        }

        if (obj["subjects"] is JsonArray subjects)
        {
            for (var i = 0; i < subjects.Count; i++)
            {
                var kind = (string?)subjects[i]?["kind"];
                if (kind is not ("User" or "Group" or "ServiceAccount"))
                {
                    throw KubeStatusException.Invalid(resource, name, $"subjects[{i}].kind", $"Unsupported value: \"{kind}\": supported values: \"Group\", \"ServiceAccount\", \"User\"");
                }

                if (string.IsNullOrEmpty((string?)subjects[i]?["name"]))
                {
                    throw KubeStatusException.Invalid(resource, name, $"subjects[{i}].name", "Required value");
                }

                if (kind == "ServiceAccount" && string.IsNullOrEmpty((string?)subjects[i]?["namespace"]))
                {
                    throw KubeStatusException.Invalid(resource, name, $"subjects[{i}].namespace", "Required value");
                }

                if (kind is "User" or "Group" && (string?)subjects[i]?["apiGroup"] != KubeResource.RbacGroup)
                {
                    throw KubeStatusException.Invalid(resource, name, $"subjects[{i}].apiGroup", $"Unsupported value: \"{(string?)subjects[i]?["apiGroup"]}\": supported values: \"{KubeResource.RbacGroup}\"");
                }
            }
        }
    }

    /// <summary>core/v1 SetDefaults_LimitRangeItem for type Container: default ← max, defaultRequest ← default, then ← min.</summary>
    private static void DefaultLimitRangeItem(JsonObject item)
    {
        if ((string?)item["type"] != "Container")
        {
            return;
        }

        var limits = item["default"] as JsonObject ?? [];
        var requests = item["defaultRequest"] as JsonObject ?? [];
        foreach (var (key, value) in item["max"] as JsonObject ?? [])
        {
            if (!limits.ContainsKey(key))
            {
                limits[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in limits)
        {
            if (!requests.ContainsKey(key))
            {
                requests[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in item["min"] as JsonObject ?? [])
        {
            if (!requests.ContainsKey(key))
            {
                requests[key] = value?.DeepClone();
            }
        }

        item["default"] = limits;
        item["defaultRequest"] = requests;
    }

    private static void Canonicalize(KubeResource resource, JsonObject obj, JsonObject quantities, string field)
    {
        foreach (var key in quantities.Select(p => p.Key).ToList())
        {
            var text = quantities[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : quantities[key]?.ToJsonString() ?? "";
            try
            {
                quantities[key] = new ResourceQuantity(text).CanonicalizeString();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                throw new KubeStatusException(HttpStatusCode.BadRequest, "BadRequest",
                    $"{resource.Kind} in version \"v1\" cannot be handled as a {resource.Kind}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' ({field}.{key}: \"{text}\")",
                    (string?)obj["metadata"]?["name"], resource.Plural);
            }
        }
    }

    private static void DropEmpty(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject { Count: 0 } or JsonArray { Count: 0 } || (parent.ContainsKey(key) && parent[key] is null))
        {
            parent.Remove(key);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
