using k8s;
using k8s.Exceptions;

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
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, options.Context);
        }
        catch (KubeConfigException ex)
        {
            throw new KubernetesConfigurationException($"kubeconfig {path}: {ex.Message.TrimEnd('.')}{(options.Context is null ? "" : $" (context '{options.Context}')")} — {Hint}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or ArgumentException)
        {
            throw new KubernetesConfigurationException($"kubeconfig {path} cannot be read: {ex.Message} — {Hint}", ex);
        }
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
