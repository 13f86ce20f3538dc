namespace EksAccess.Kubernetes;

/// <summary>
/// How to reach the cluster, resolved as kubectl does (<see cref="KubeconfigResolver"/>): <see cref="Kubeconfig"/>
/// (<c>--kubeconfig</c>), else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>, else the in-cluster service account;
/// <see cref="Context"/> (<c>--context</c>) overrides the kubeconfig's current-context.
/// </summary>
public sealed record KubernetesConnectionOptions
{
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Reads an environment variable; replace it in tests. Defaults to the process environment.</summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;
}
