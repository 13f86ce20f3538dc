namespace EksAccess.Core.Planning;

/// <summary>Choices the Kubernetes planner does not make on its own.</summary>
public sealed record KubernetesPlanOptions
{
    /// <summary>
    /// Delete Namespaces labelled managed-by eksaccess that the config no longer lists. Off by default: deleting a
    /// namespace deletes every workload in it, so the plan only warns (apply --force turns it on).
    /// </summary>
    public bool PruneNamespaces { get; init; }
}
