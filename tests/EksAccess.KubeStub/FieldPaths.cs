using System.Text.Json.Nodes;

namespace EksAccess.KubeStub;

/// <summary>
/// Field ownership as server-side apply tracks it (structured-merge-diff, simplified for the stub's kinds): objects
/// are granular (structs and maps: one field per key), lists are atomic (the whole list is one field), and
/// identity/bookkeeping fields (apiVersion, kind, name, namespace, uid, resourceVersion, …, status) are never owned.
/// A path is its segments joined with U+001F.
/// </summary>
internal static class FieldPaths
{
    private const char Separator = '\u001f';
    private static readonly HashSet<string> UnownedMetadata =
        ["name", "namespace", "uid", "resourceVersion", "creationTimestamp", "managedFields", "generation", "deletionTimestamp", "selfLink"];

    /// <summary>Every owned leaf of <paramref name="obj"/> with its value.</summary>
    public static Dictionary<string, JsonNode?> Leaves(JsonObject obj)
    {
        var leaves = new Dictionary<string, JsonNode?>();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" or "status")
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (!UnownedMetadata.Contains(metaKey))
                    {
                        Collect(["metadata", metaKey], metaValue, leaves);
                    }
                }

                continue;
            }

            Collect([key], value, leaves);
        }

        return leaves;
    }

    public static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? current = obj;
        foreach (var segment in Split(path))
        {
            if (current is not JsonObject o || !o.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static bool Has(JsonObject obj, string path)
    {
        JsonNode? current = obj;
        foreach (var segment in Split(path))
        {
            if (current is not JsonObject o || !o.TryGetPropertyValue(segment, out current))
            {
                return false;
            }
        }

        return true;
    }

    public static void Set(JsonObject obj, string path, JsonNode? value)
    {
        var segments = Split(path);
        var current = obj;
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is not JsonObject next)
            {
                next = new JsonObject();
                current[segment] = next;
            }

            current = next;
        }

        current[segments[^1]] = value?.DeepClone();
    }

    /// <summary>Removes the field, and parents it leaves empty.</summary>
    public static void Remove(JsonObject obj, string path)
    {
        var segments = Split(path);
        var chain = new List<JsonObject> { obj };
        foreach (var segment in segments[..^1])
        {
            if (chain[^1][segment] is not JsonObject next)
            {
                return;
            }

            chain.Add(next);
        }

        chain[^1].Remove(segments[^1]);
        for (var i = chain.Count - 1; i > 0 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(segments[i - 1]);
        }
    }

    /// <summary>The path as conflicts print it: <c>.metadata.labels.app</c>, <c>.rules</c>.</summary>
    public static string Display(string path) => "." + string.Join('.', Split(path));

    public static string Join(IEnumerable<string> segments) => string.Join(Separator, segments);

    public static string[] Split(string path) => path.Split(Separator);

    /// <summary>The managedFields fieldsV1 form: <c>{"f:metadata":{"f:labels":{"f:app":{}}},"f:rules":{}}</c>.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var current = root;
            foreach (var segment in Split(path))
            {
                var key = "f:" + segment;
                if (current[key] is not JsonObject next)
                {
                    next = new JsonObject();
                    current[key] = next;
                }

                current = next;
            }
        }

        return root;
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var paths = new HashSet<string>();
        if (fields is not null)
        {
            Walk(fields, [], paths);
        }

        return paths;
    }

    private static void Walk(JsonObject node, List<string> prefix, HashSet<string> paths)
    {
        var children = node.Where(pair => pair.Key.StartsWith("f:", StringComparison.Ordinal)).ToList();
        if (children.Count == 0 && prefix.Count > 0)
        {
            paths.Add(Join(prefix));
            return;
        }

        foreach (var (key, value) in children)
        {
            prefix.Add(key[2..]);
            Walk(value as JsonObject ?? [], prefix, paths);
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    private static void Collect(List<string> prefix, JsonNode? value, Dictionary<string, JsonNode?> leaves)
    {
        if (value is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, child) in obj)
            {
                Collect([.. prefix, key], child, leaves);
            }

            return;
        }

        leaves[Join(prefix)] = value;
    }
}
