using YamlEmitter = EksAccess.Core.Text.YamlEmitter;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Core.Kubeconfig;

/// <summary>
/// Merges a <see cref="KubeconfigEntry"/> into a kubeconfig's text the way <c>aws eks update-kubeconfig</c> does: the
/// cluster, user and context of the same name are replaced (others are appended), <c>current-context</c> becomes the new
/// context, and everything else — other clusters, users and contexts, preferences, extensions, unknown fields — is
/// kept. A missing or empty file starts from aws's template. Comments are not kept (kubectl does not keep them either).
/// </summary>
public static class KubeconfigMerger
{
    /// <param name="existingText">The file's text, or null when there is no file.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <param name="entry">The cluster/user/context to write.</param>
    /// <exception cref="FormatException">The existing text is not a kubeconfig (message: path:line:column: what).</exception>
    public static string Merge(string? existingText, string path, KubeconfigEntry entry)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entry);
        var root = Load(existingText, path);

        ReplaceOrAppend(root, "clusters", entry.ClusterName, ClusterNode(entry), path);
        ReplaceOrAppend(root, "users", entry.UserName, UserNode(entry), path);
        ReplaceOrAppend(root, "contexts", entry.ContextName, ContextNode(entry), path);
        Set(root, "current-context", Scalar(entry.ContextName));

        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlDotNet ends a saved stream with a document-end marker; kubeconfigs are written without it.
        const string end = "...\n";
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith(end, StringComparison.Ordinal) ? text[..^end.Length] : text;
    }

    /// <summary>Whether <paramref name="text"/> is a kubeconfig with a cluster named <paramref name="clusterName"/> (false for anything unreadable).</summary>
    public static bool HasCluster(string text, string clusterName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clusterName);
        try
        {
            var root = Load(text, "kubeconfig");
            return root.Children.TryGetValue(new YamlScalarNode("clusters"), out var clusters)
                && clusters is YamlSequenceNode list
                && list.Children.Any(c => c is YamlMappingNode m
                    && m.Children.TryGetValue(new YamlScalarNode("name"), out var name)
                    && name is YamlScalarNode { Value: var value }
                    && string.Equals(value, clusterName, StringComparison.Ordinal));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A fresh kubeconfig holding only <paramref name="entry"/> (what --dry-run prints for a new file).</summary>
    public static string Create(KubeconfigEntry entry) => Merge(null, "kubeconfig", entry);

    private static YamlMappingNode Load(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Template();
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.Message} — fix or move the file, or pass --kubeconfig FILE", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return Template();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw new FormatException($"{path}:{node.Start.Line}:{node.Start.Column}: a kubeconfig is a mapping (apiVersion, clusters, contexts, users, …), not a {Describe(node)}");
        }

        foreach (var key in new[] { "clusters", "users", "contexts" })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is not YamlSequenceNode && !IsNull(list))
            {
                throw new FormatException($"{path}:{list.Start.Line}:{list.Start.Column}: '{key}' must be a list, not a {Describe(list)}");
            }
        }

        return root;
    }

    private static YamlMappingNode Template() => new()
    {
        { "apiVersion", "v1" },
        { "clusters", new YamlSequenceNode() },
        { "contexts", new YamlSequenceNode() },
        { "current-context", new YamlScalarNode("") { Style = ScalarStyle.DoubleQuoted } },
        { "kind", "Config" },
        { "preferences", new YamlMappingNode { Style = MappingStyle.Flow } },
        { "users", new YamlSequenceNode() },
    };

    private static void ReplaceOrAppend(YamlMappingNode root, string key, string name, YamlMappingNode item, string path)
    {
        YamlSequenceNode list;
        if (root.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlSequenceNode sequence)
        {
            list = sequence;
        }
        else
        {
            list = new YamlSequenceNode();
            Set(root, key, list);
        }

        list.Style = SequenceStyle.Block;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode candidate)
            {
                var node = list.Children[i];
                throw new FormatException($"{path}:{node.Start.Line}:{node.Start.Column}: every entry of '{key}' must be a mapping with a name");
            }

            if (candidate.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: var value } && string.Equals(value, name, StringComparison.Ordinal))
            {
                list.Children[i] = item;
                return;
            }
        }

        list.Children.Add(item);
    }

    private static YamlMappingNode ClusterNode(KubeconfigEntry entry)
    {
        var cluster = new YamlMappingNode
        {
            { "certificate-authority-data", Scalar(entry.CertificateAuthorityData) },
            { "server", Scalar(entry.Server) },
        };
        if (entry.ProxyUrl is not null)
        {
            cluster.Add("proxy-url", Scalar(entry.ProxyUrl));
        }

        return new YamlMappingNode { { "cluster", cluster }, { "name", Scalar(entry.ClusterName) } };
    }

    private static YamlMappingNode ContextNode(KubeconfigEntry entry)
    {
        var context = new YamlMappingNode { { "cluster", Scalar(entry.ClusterName) } };
        if (entry.Namespace is not null)
        {
            context.Add("namespace", Scalar(entry.Namespace));
        }

        context.Add("user", Scalar(entry.UserName));
        return new YamlMappingNode { { "context", context }, { "name", Scalar(entry.ContextName) } };
    }

    private static YamlMappingNode UserNode(KubeconfigEntry entry)
    {
        var exec = new YamlMappingNode
        {
            { "apiVersion", Scalar(entry.Exec.ApiVersion) },
            { "args", new YamlSequenceNode(entry.Exec.Args.Select(a => (YamlNode)Scalar(a))) },
            { "command", Scalar(entry.Exec.Command) },
        };
        if (entry.Exec.Env.Length > 0)
        {
            exec.Add("env", new YamlSequenceNode(entry.Exec.Env.Select(e => (YamlNode)new YamlMappingNode
            {
                { "name", Scalar(e.Key) },
                { "value", Scalar(e.Value) },
            })));
        }

        return new YamlMappingNode
        {
            { "name", Scalar(entry.UserName) },
            { "user", new YamlMappingNode { { "exec", exec } } },
        };
    }

    /// <summary>A string scalar: plain when YAML reads it back as the same string, else double-quoted.</summary>
    private static YamlScalarNode Scalar(string value) =>
        new(value) { Style = string.Equals(YamlEmitter.Scalar(value), value, StringComparison.Ordinal) || IsLongFlag(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };

    /// <summary>"--region" and the like are plain scalars (as aws writes them), though they start with an indicator.</summary>
    private static bool IsLongFlag(string value) =>
        value.Length > 2 && value.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetterLower(value[2])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void Set(YamlMappingNode mapping, string key, YamlNode value)
    {
        mapping.Children[new YamlScalarNode(key)] = value;
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "scalar",
    };
}
