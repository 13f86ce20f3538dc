using YamlDotNet.RepresentationModel;

namespace EksAccess.Cli.Tests.Deploy;

/// <summary>
/// deploy/kubernetes as kustomize renders it (<c>kubectl kustomize</c>), read back as YAML: what a user's
/// <c>kubectl apply -k</c> would send, so the tests check the rendered objects, not the source files.
/// </summary>
internal sealed class DeployManifests
{
    private DeployManifests(string yaml, IReadOnlyList<YamlMappingNode> documents)
    {
        Yaml = yaml;
        Documents = documents;
    }

    public static string Directory => Path.Combine(TestFiles.RepositoryRoot, "deploy", "kubernetes");

    public string Yaml { get; }

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    public static async Task<DeployManifests> RenderAsync()
    {
        var kubectl = ExternalTool.Require("kubectl", "render deploy/kubernetes with kustomize");
        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(kubectl, ["kustomize", Directory]);
        exitCode.ShouldBe(0, stderr);
        var stream = new YamlStream();
        stream.Load(new StringReader(stdout));
        return new DeployManifests(stdout, [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)]);
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => Text(d, "kind") == kind);

    public YamlMappingNode Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(d => Text(d, "metadata", "name") == name) ?? throw new ShouldAssertException($"no {kind} {name} in deploy/kubernetes");

    /// <summary>The single container of a CronJob's pod template.</summary>
    public static YamlMappingNode Container(YamlMappingNode cronJob) =>
        (YamlMappingNode)((YamlSequenceNode)Node(cronJob, "spec", "jobTemplate", "spec", "template", "spec", "containers")!).Children.Single();

    public static YamlMappingNode PodSpec(YamlMappingNode cronJob) => (YamlMappingNode)Node(cronJob, "spec", "jobTemplate", "spec", "template", "spec")!;

    public static string[] Strings(YamlNode? node) =>
        node is YamlSequenceNode sequence ? [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "")] : [];

    public static YamlNode? Node(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    /// <summary>Files of the ConfigMap a CronJob mounts, written into a directory standing for the mount path.</summary>
    public string Mount(YamlMappingNode cronJob, string mountPath, string directory)
    {
        var mount = ((YamlSequenceNode)Node(Container(cronJob), "volumeMounts")!).Children.Cast<YamlMappingNode>()
            .Single(m => Text(m, "mountPath") == mountPath);
        var volume = ((YamlSequenceNode)Node(PodSpec(cronJob), "volumes")!).Children.Cast<YamlMappingNode>()
            .Single(v => Text(v, "name") == Text(mount, "name"));
        var configMap = Get("ConfigMap", Text(volume, "configMap", "name")!);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var (key, value) in ((YamlMappingNode)Node(configMap, "data")!).Children)
        {
            File.WriteAllText(Path.Combine(directory, ((YamlScalarNode)key).Value!), ((YamlScalarNode)value).Value);
        }

        return directory;
    }
}
