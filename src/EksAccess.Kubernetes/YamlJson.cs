using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Kubernetes;

/// <summary>
/// YAML manifests (as Core renders them: mappings, sequences and string scalars) to JSON, which KubernetesClient sends
/// verbatim as an apply-patch body (JSON is YAML, so the content type stays application/apply-patch+yaml).
/// Every scalar becomes a JSON string: the rendered manifests hold nothing else.
/// </summary>
internal static class YamlJson
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToNode(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToNode(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToNode)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new ArgumentException($"unexpected YAML node {node.NodeType}", nameof(node)),
    };
}
