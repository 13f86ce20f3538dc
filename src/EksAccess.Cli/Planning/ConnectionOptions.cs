using EksAccess.Kubernetes;

namespace EksAccess.Cli.Planning;

/// <summary>How the plan targets reach what they manage: one part per target family.</summary>
internal sealed record ConnectionOptions
{
    public static ConnectionOptions Default { get; } = new();

    public AwsConnectionOptions Aws { get; init; } = new();

    /// <summary>--kubeconfig and --context (null: KUBECONFIG, ~/.kube/config, in-cluster; the kubeconfig's current-context).</summary>
    public KubernetesConnectionOptions Kubernetes { get; init; } = new();
}
