using System.Collections.Immutable;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Small helpers to read the reference YAML files embedded in Core (Resources/). They are our own files, so a
/// malformed one is a build defect and throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class EmbeddedYaml
{
    public static string ReadResource(string fileName)
    {
        var name = "EksAccess.Core.Resources." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<YamlMappingNode> Documents(string text, string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var documents = new List<YamlMappingNode>();
        foreach (var document in stream.Documents)
        {
            switch (document.RootNode)
            {
                case YamlMappingNode mapping:
                    documents.Add(mapping);
                    break;
                case YamlScalarNode { Value: null or "" }:
                    break;
                default:
                    throw new InvalidDataException($"{path}:{document.RootNode.Start.Line}: expected a mapping");
            }
        }

        return documents;
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(YamlMappingNode mapping, string key) => Child(mapping, key) switch
    {
        YamlScalarNode scalar when !IsNull(scalar) => scalar.Value,
        _ => null,
    };

    public static bool? Boolean(YamlMappingNode mapping, string key) => Scalar(mapping, key) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static ImmutableArray<string> Strings(YamlMappingNode mapping, string key, string path) => Child(mapping, key) switch
    {
        null => [],
        YamlScalarNode scalar when IsNull(scalar) => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => item is YamlScalarNode s ? s.Value ?? "" : throw Bad(path, item, key))],
        var other => throw Bad(path, other, key),
    };

    public static ImmutableDictionary<string, string> StringMap(YamlMappingNode mapping, string key, string path)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        switch (Child(mapping, key))
        {
            case null:
                break;
            case YamlScalarNode scalar when IsNull(scalar):
                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode keyNode || v is not YamlScalarNode valueNode)
                    {
                        throw Bad(path, k, key);
                    }

                    builder[keyNode.Value ?? ""] = valueNode.Value ?? "";
                }

                break;
            case var other:
                throw Bad(path, other, key);
        }

        return builder.ToImmutable();
    }

    public static IEnumerable<YamlMappingNode> Mappings(YamlMappingNode mapping, string key, string path) => Child(mapping, key) switch
    {
        null => [],
        YamlScalarNode scalar when IsNull(scalar) => [],
        YamlSequenceNode sequence => sequence.Children.Select(item => item as YamlMappingNode ?? throw Bad(path, item, key)),
        var other => throw Bad(path, other, key),
    };

    public static PolicyRule ReadRule(YamlMappingNode rule, string path) => new(
        Strings(rule, "verbs", path),
        Strings(rule, "apiGroups", path),
        Strings(rule, "resources", path),
        Strings(rule, "resourceNames", path),
        Strings(rule, "nonResourceURLs", path));

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "null" or "~" or "";

    private static InvalidDataException Bad(string path, YamlNode node, string key) =>
        new($"{path}:{node.Start.Line}:{node.Start.Column}: unexpected value for '{key}'");
}
