using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Evaluation;

namespace EksAccess.KubeStub;

/// <summary>
/// The stub's etcd and registry: objects by (resource, namespace, name), one global resourceVersion counter bumped
/// by every write that changes something, create/update/delete with the API server's checks (AlreadyExists,
/// NotFound, stale resourceVersion → Conflict, roleRef immutable), server-side apply with field ownership and
/// conflicts, managedFields, defaulting and validation, the clusterrole-aggregation controller, and a namespace's
/// default ServiceAccount and kube-root-ca.crt. Thread-safe: one lock around every operation.
/// </summary>
public sealed class KubeStore
{
    public const string AggregationManager = "clusterrole-aggregation-controller";

    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _revision = 100;
    private (long Revision, KubernetesAuthorizer Authorizer)? _authorizer;
    private bool _aggregating;

    public KubeStore(TimeProvider time)
    {
        _time = time;
    }

    public long Revision
    {
        get
        {
            lock (_lock)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(KubeResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(Key(resource, ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    /// <summary>Objects of a type, in (namespace, name) order; every namespace when <paramref name="ns"/> is null.</summary>
    public (List<JsonObject> Items, long Revision) List(KubeResource resource, string? ns)
    {
        lock (_lock)
        {
            var prefix = resource.Namespaced && ns is not null ? $"{resource.Plural}|{ns}|" : $"{resource.Plural}|";
            var items = _objects.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(pair => (JsonObject)pair.Value.DeepClone()).ToList();
            return (items, _revision);
        }
    }

    public JsonObject Create(KubeResource resource, string? ns, JsonObject body, string manager)
    {
        lock (_lock)
        {
            var obj = Prepare(resource, ns, body, pathName: null);
            var name = NameOf(obj);
            if (_objects.ContainsKey(Key(resource, ns, name)))
            {
                throw KubeStatusException.AlreadyExists(resource, name);
            }

            return Insert(resource, ns, obj, manager, "Update", null);
        }
    }

    /// <summary>PUT: a stale resourceVersion → Conflict; an empty one is an unconditional update; unchanged → same resourceVersion.</summary>
    public JsonObject Update(KubeResource resource, string? ns, string name, JsonObject body, string manager)
    {
        lock (_lock)
        {
            var obj = Prepare(resource, ns, body, name);
            if (!_objects.TryGetValue(Key(resource, ns, name), out var current))
            {
                if (!resource.AllowCreateOnUpdate)
                {
                    throw KubeStatusException.NotFound(resource, name);
                }

                return Insert(resource, ns, obj, manager, "Update", null);
            }

            var requested = (string?)obj["metadata"]?["resourceVersion"];
            if (!string.IsNullOrEmpty(requested) && requested != (string?)current["metadata"]!["resourceVersion"])
            {
                throw KubeStatusException.Conflict(resource, name);
            }

            return Replace(resource, ns, current, obj, manager, "Update", owned: null);
        }
    }

    /// <summary>
    /// Server-side apply: <paramref name="manager"/>'s applied configuration becomes the set of fields it owns; a field
    /// another manager owns with a different value is a conflict (unless <paramref name="force"/>); fields it applied
    /// before and no longer applies, and nobody else owns, are removed. Creates the object when absent.
    /// </summary>
    public (JsonObject Object, bool Created) Apply(KubeResource resource, string? ns, string name, JsonObject applied, string manager, bool force)
    {
        lock (_lock)
        {
            var config = (JsonObject)applied.DeepClone();
            var appliedKind = (string?)config["kind"];
            var appliedVersion = (string?)config["apiVersion"];
            if (appliedKind != resource.Kind || appliedVersion != resource.ApiVersion)
            {
                throw KubeStatusException.BadRequest($"the API version in the data ({appliedVersion}) does not match the expected API version ({resource.ApiVersion}) or kind ({appliedKind} vs {resource.Kind})");
            }

            var metadata = config["metadata"] as JsonObject ?? throw KubeStatusException.BadRequest("metadata is required for apply");
            if ((string?)metadata["name"] != name)
            {
                throw KubeStatusException.BadRequest($"the name of the object ({(string?)metadata["name"]}) does not match the name on the URL ({name})");
            }

            if (resource.Namespaced && metadata["namespace"] is not null && (string?)metadata["namespace"] != ns)
            {
                throw KubeStatusException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            var normalizedConfig = (JsonObject)config.DeepClone();
            KubeDefaults.Normalize(resource, normalizedConfig);
            var appliedLeaves = FieldPaths.Leaves(config).Keys.ToHashSet();
            var key = Key(resource, ns, name);
            if (!_objects.TryGetValue(key, out var current))
            {
                var created = Prepare(resource, ns, config, name);
                return (Insert(resource, ns, created, manager, "Apply", appliedLeaves), true);
            }

            var managers = Managers(current);
            var conflicts = new JsonArray();
            foreach (var path in appliedLeaves)
            {
                var wanted = FieldPaths.Get(normalizedConfig, path);
                var live = FieldPaths.Get(current, path);
                if (FieldPaths.Has(current, path) && JsonNode.DeepEquals(wanted, live))
                {
                    continue;
                }

                foreach (var other in managers.Where(m => !(m.Manager == manager && m.Operation == "Apply") && m.Fields.Contains(path)))
                {
                    conflicts.Add(new JsonObject
                    {
                        ["reason"] = "FieldManagerConflict",
                        ["message"] = $"conflict with \"{other.Manager}\"{(other.Operation == "Update" ? $" using {other.ApiVersion}" : "")}",
                        ["field"] = FieldPaths.Display(path),
                    });
                }
            }

            if (conflicts.Count > 0 && !force)
            {
                var lines = conflicts.Select(c => $"{(string?)c!["message"]}: {(string?)c["field"]}").ToList();
                throw new KubeStatusException(HttpStatusCode.Conflict, "Conflict",
                    $"Apply failed with {lines.Count} conflict{(lines.Count == 1 ? "" : "s")}: {string.Join("\n", lines)}", name, resource.Plural, conflicts);
            }

            var merged = (JsonObject)current.DeepClone();
            var previous = managers.FirstOrDefault(m => m.Manager == manager && m.Operation == "Apply")?.Fields ?? [];
            var ownedByOthers = managers.Where(m => !(m.Manager == manager && m.Operation == "Apply")).SelectMany(m => m.Fields).ToHashSet();
            foreach (var path in previous.Where(p => !appliedLeaves.Contains(p) && !ownedByOthers.Contains(p)))
            {
                FieldPaths.Remove(merged, path);
            }

            foreach (var path in appliedLeaves)
            {
                FieldPaths.Set(merged, path, FieldPaths.Get(config, path));
            }

            var prepared = Prepare(resource, ns, merged, name);
            return (Replace(resource, ns, current, prepared, manager, "Apply", appliedLeaves), false);
        }
    }

    /// <summary>DELETE; a namespace takes its objects with it (the stub finalizes at once).</summary>
    public JsonObject Delete(KubeResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            var key = Key(resource, ns, name);
            if (!_objects.Remove(key, out var obj))
            {
                throw KubeStatusException.NotFound(resource, name);
            }

            _revision++;
            if (resource.Plural == "namespaces")
            {
                foreach (var contained in _objects.Keys.Where(k => k.Split('|')[1] == name).ToList())
                {
                    _objects.Remove(contained);
                }
            }

            if (resource.Plural == "clusterroles")
            {
                RunAggregation();
            }

            return obj;
        }
    }

    /// <summary>
    /// Changes an object as <c>kubectl edit</c> would (GET, change, PUT with its resourceVersion), as <paramref name="manager"/>:
    /// for tests that need "someone else" to write.
    /// </summary>
    public JsonObject Edit(KubeResource resource, string? ns, string name, Action<JsonObject> change, string manager = "kubectl-edit")
    {
        var current = Get(resource, ns, name) ?? throw KubeStatusException.NotFound(resource, name);
        change(current);
        return Update(resource, ns, name, current, manager);
    }

    /// <summary>The authorizer a SubjectAccessReview is answered with: system:masters, then RBAC over the stored objects.</summary>
    public KubernetesAuthorizer Authorizer()
    {
        lock (_lock)
        {
            if (_authorizer is { } cached && cached.Revision == _revision)
            {
                return cached.Authorizer;
            }

            var list = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["items"] = new JsonArray([.. _objects.Values.Where(o => ((string?)o["apiVersion"])?.StartsWith(KubeResource.RbacGroup, StringComparison.Ordinal) == true).Select(o => o.DeepClone())]),
            };
            var loaded = SnapshotLoader.Load([new SnapshotFile("kube-stub/rbac.json", list.ToJsonString())]);
            if (loaded.HasErrors)
            {
                throw new InvalidOperationException("the stub's RBAC objects do not load: " + loaded.Errors[0]);
            }

            var authorizer = KubernetesAuthorizer.ForSnapshot(loaded.Snapshot, includeDefaultRbac: true);
            _authorizer = (_revision, authorizer);
            return authorizer;
        }
    }

    private JsonObject Prepare(KubeResource resource, string? ns, JsonObject body, string? pathName)
    {
        var obj = (JsonObject)body.DeepClone();
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        var name = (string?)metadata["name"];
        if (pathName is not null && name != pathName)
        {
            throw KubeStatusException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({pathName})");
        }

        if (resource.Namespaced)
        {
            var bodyNs = (string?)metadata["namespace"];
            if (bodyNs is not null && bodyNs != ns)
            {
                throw KubeStatusException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
            if (!_objects.ContainsKey(Key(KubeResource.ByPlural("namespaces"), null, ns!)))
            {
                throw KubeStatusException.NotFound(KubeResource.ByPlural("namespaces"), ns!);
            }
        }
        else
        {
            metadata.Remove("namespace");
        }

        obj.Remove("status");
        KubeDefaults.Normalize(resource, obj);
        return obj;
    }

    private JsonObject Insert(KubeResource resource, string? ns, JsonObject obj, string manager, string operation, HashSet<string>? owned)
    {
        var name = NameOf(obj);
        KubeDefaults.Validate(resource, obj, null);
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("managedFields");
        metadata["resourceVersion"] = (++_revision).ToString(CultureInfo.InvariantCulture);
        SetManagers(obj, [new ManagedEntry(manager, operation, resource.ApiVersion, Now(), owned ?? FieldPaths.Leaves(obj).Keys.ToHashSet())]);
        _objects[Key(resource, ns, name)] = obj;
        AfterWrite(resource, obj, created: true);
        return (JsonObject)obj.DeepClone();
    }

    private JsonObject Replace(KubeResource resource, string? ns, JsonObject current, JsonObject obj, string manager, string operation, HashSet<string>? owned)
    {
        var name = NameOf(obj);
        KubeDefaults.Validate(resource, obj, current);
        var metadata = (JsonObject)obj["metadata"]!;
        var currentMeta = (JsonObject)current["metadata"]!;
        metadata["uid"] = currentMeta["uid"]?.DeepClone();
        metadata["creationTimestamp"] = currentMeta["creationTimestamp"]?.DeepClone();
        metadata["resourceVersion"] = currentMeta["resourceVersion"]?.DeepClone();
        if (current["status"] is { } status)
        {
            obj["status"] = status.DeepClone();
        }

        var before = FieldPaths.Leaves(current);
        var after = FieldPaths.Leaves(obj);
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var old) || !JsonNode.DeepEquals(old, p.Value)).Select(p => p.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToHashSet();

        var managers = Managers(current);
        var mine = managers.FirstOrDefault(m => m.Manager == manager && m.Operation == operation);
        var fields = operation == "Apply" ? owned! : [.. mine?.Fields ?? [], .. changed.Where(after.ContainsKey)];
        var others = managers.Where(m => m != mine).Select(m => m with
        {
            Fields = [.. m.Fields.Where(f => after.ContainsKey(f) && !(changed.Contains(f) && (operation == "Update" || fields.Contains(f))))],
        });
        var entries = others.Append(new ManagedEntry(manager, operation, resource.ApiVersion, mine is not null && changed.Count == 0 ? mine.Time : Now(), fields))
            .Where(m => m.Fields.Count > 0).ToList();

        metadata.Remove("managedFields");
        var unchanged = changed.Count == 0 && SameEntries(managers, entries);
        if (unchanged)
        {
            return (JsonObject)current.DeepClone();
        }

        metadata["resourceVersion"] = (++_revision).ToString(CultureInfo.InvariantCulture);
        SetManagers(obj, entries);
        _objects[Key(resource, ns, name)] = obj;
        AfterWrite(resource, obj, created: false);
        return (JsonObject)obj.DeepClone();
    }

    private void AfterWrite(KubeResource resource, JsonObject obj, bool created)
    {
        if (resource.Plural == "namespaces" && created)
        {
            var ns = NameOf(obj);
            var controller = "kube-controller-manager";
            Insert(KubeResource.ByPlural("serviceaccounts"), ns, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ServiceAccount",
                ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
            }, controller, "Update", null);
            Insert(KubeResource.ByPlural("configmaps"), ns, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = "kube-root-ca.crt", ["namespace"] = ns, ["annotations"] = new JsonObject { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
                ["data"] = new JsonObject { ["ca.crt"] = "-----BEGIN CERTIFICATE-----\nstub\n-----END CERTIFICATE-----\n" },
            }, controller, "Update", null);
        }

        if (resource.Plural == "clusterroles")
        {
            RunAggregation();
        }
    }

    /// <summary>
    /// The clusterrole-aggregation controller: an aggregated ClusterRole's rules are the union of the rules of the
    /// ClusterRoles its selectors match, written with server-side apply as the controller (which so owns them).
    /// Runs until nothing changes (an aggregated role can feed another).
    /// </summary>
    private void RunAggregation()
    {
        if (_aggregating)
        {
            return;
        }

        _aggregating = true;
        try
        {
            var resource = KubeResource.ByPlural("clusterroles");
            for (var round = 0; round < 20; round++)
            {
                var roles = _objects.Where(p => p.Key.StartsWith("clusterroles|", StringComparison.Ordinal)).Select(p => p.Value).ToList();
                var changed = false;
                foreach (var role in roles.Where(r => r["aggregationRule"]?["clusterRoleSelectors"] is JsonArray))
                {
                    var rules = AggregatedRules(role, roles);
                    if (!JsonNode.DeepEquals(role["rules"] ?? new JsonArray(), rules))
                    {
                        var updated = (JsonObject)role.DeepClone();
                        updated["rules"] = rules;
                        var prepared = Prepare(resource, null, updated, NameOf(role));
                        Replace(resource, null, role, prepared, AggregationManager, "Apply", ["rules"]);
                        changed = true;
                        break;
                    }
                }

                if (!changed)
                {
                    return;
                }
            }
        }
        finally
        {
            _aggregating = false;
        }
    }

    private static JsonArray AggregatedRules(JsonObject role, List<JsonObject> roles)
    {
        var selectors = (JsonArray)role["aggregationRule"]!["clusterRoleSelectors"]!;
        var rules = new JsonArray();
        foreach (var other in roles.Where(r => r != role).OrderBy(NameOf, StringComparer.Ordinal))
        {
            var labels = other["metadata"]?["labels"] as JsonObject ?? [];
            if (selectors.OfType<JsonObject>().Any(s => Matches(s, labels)))
            {
                foreach (var rule in other["rules"] as JsonArray ?? [])
                {
                    if (!rules.Any(r => JsonNode.DeepEquals(r, rule)))
                    {
                        rules.Add(rule?.DeepClone());
                    }
                }
            }
        }

        return rules;
    }

    private static bool Matches(JsonObject selector, JsonObject labels)
    {
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if ((string?)labels[key] != (string?)value)
            {
                return false;
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = (string?)expression["key"] ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => (string?)v).ToList();
            var has = labels.ContainsKey(key);
            var ok = (string?)expression["operator"] switch
            {
                "In" => has && values.Contains((string?)labels[key]),
                "NotIn" => !has || !values.Contains((string?)labels[key]),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static List<ManagedEntry> Managers(JsonObject obj) =>
    [
        .. (obj["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(m => new ManagedEntry(
            (string?)m["manager"] ?? "",
            (string?)m["operation"] ?? "",
            (string?)m["apiVersion"] ?? "",
            (string?)m["time"] ?? "",
            FieldPaths.FromFieldsV1(m["fieldsV1"] as JsonObject))),
    ];

    private static void SetManagers(JsonObject obj, List<ManagedEntry> entries)
    {
        ((JsonObject)obj["metadata"]!)["managedFields"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["manager"] = e.Manager,
            ["operation"] = e.Operation,
            ["apiVersion"] = e.ApiVersion,
            ["time"] = e.Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldPaths.ToFieldsV1(e.Fields),
        })]);
    }

    private static bool SameEntries(List<ManagedEntry> a, List<ManagedEntry> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Manager == p.Second.Manager && p.First.Operation == p.Second.Operation && p.First.Fields.SetEquals(p.Second.Fields));

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string NameOf(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    private static string Key(KubeResource resource, string? ns, string name) => $"{resource.Plural}|{(resource.Namespaced ? ns : "")}|{name}";

    private sealed record ManagedEntry(string Manager, string Operation, string ApiVersion, string Time, HashSet<string> Fields);
}
