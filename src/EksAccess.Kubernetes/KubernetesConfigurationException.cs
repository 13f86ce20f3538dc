namespace EksAccess.Kubernetes;

/// <summary>No usable kubeconfig: a missing file, an unknown context, a kubeconfig that does not load.</summary>
public sealed class KubernetesConfigurationException : Exception
{
    public KubernetesConfigurationException()
    {
    }

    public KubernetesConfigurationException(string message)
        : base(message)
    {
    }

    public KubernetesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
