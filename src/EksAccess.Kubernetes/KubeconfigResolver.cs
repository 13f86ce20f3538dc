using k8s;
using EksAccess.Core.Text;
using k8s.Exceptions;
using YamlDotNet.Core.Events;

namespace EksAccess.Kubernetes;

/// <summary>Finds the kubeconfig the way kubectl does and builds KubernetesClient's configuration from it.</summary>
public static class KubeconfigResolver
{
    private const string Hint = "pass --kubeconfig FILE, set KUBECONFIG, or write ~/.kube/config (aws eks update-kubeconfig --name CLUSTER)";

    public static KubernetesClientConfiguration Resolve(KubernetesConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = FindKubeconfig(options);
        if (path is null)
        {
            if (KubernetesClientConfiguration.IsInCluster() && options.Context is null)
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }

            throw new KubernetesConfigurationException($"no kubeconfig found — {Hint}");
        }

        try
        {
            CheckShape(path);
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, options.Context);
        }
        catch (KubeConfigException ex)
        {
            throw new KubernetesConfigurationException($"kubeconfig {path}: {ex.Message.TrimEnd('.')}{(options.Context is null ? "" : $" (context '{options.Context}')")} — {Hint}", ex);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new KubernetesConfigurationException($"{path}:{ex.Start.Line}:{ex.Start.Column}: kubeconfig is not valid YAML: {Echo.OneLine(Message(ex))} — {Hint}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidCastException or KeyNotFoundException)
        {
            throw new KubernetesConfigurationException($"kubeconfig {path} cannot be read: {Echo.OneLine(ex.Message)} — {Hint}", ex);
        }
    }

    /// <summary>
    /// KubernetesClient's loader dereferences what it deserialized without checks: an empty file or one whose root is
    /// not a mapping ends in a NullReferenceException there. Checked first, with the input depth bound.
    /// </summary>
    private static void CheckShape(string path)
    {
        var parser = new DepthLimitedParser(File.ReadAllText(path));
        ParsingEvent? root = null;
        while (parser.MoveNext())
        {
            if (root is null && parser.Current is MappingStart or SequenceStart or Scalar)
            {
                root = parser.Current;
            }
        }

        if (root is not MappingStart)
        {
            var found = root is null || root is Scalar { Value: "" or "null" or "~" } ? "is empty" : $"holds {(root is Scalar ? "a single value" : "a list")}, not a kubeconfig mapping";
            throw new KubernetesConfigurationException($"kubeconfig {path} {found} (apiVersion, clusters, contexts, users) — {Hint}");
        }
    }

    private static string Message(YamlDotNet.Core.YamlException ex)
    {
        var message = ex.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message;
    }

    /// <summary>The kubeconfig file to use, or null for none (in-cluster). Only the first existing file of KUBECONFIG is read.</summary>
    public static string? FindKubeconfig(KubernetesConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kubeconfig is { } explicitPath)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new KubernetesConfigurationException($"kubeconfig {explicitPath} does not exist — {Hint}");
        }

        if (options.EnvironmentVariables("KUBECONFIG") is { Length: > 0 } variable)
        {
            var paths = variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return paths.FirstOrDefault(File.Exists)
                ?? throw new KubernetesConfigurationException($"KUBECONFIG names no existing file ({variable}) — {Hint}");
        }

        var home = options.EnvironmentVariables("HOME") ?? options.EnvironmentVariables("USERPROFILE");
        var standard = home is null ? null : Path.Combine(home, ".kube", "config");
        return standard is not null && File.Exists(standard) ? standard : null;
    }
}
