using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// the whole chain (docs/architecture.md) over one snapshot, indexed once: IAM principal → identity (access entry or aws-auth)
/// → Kubernetes user and groups → system:masters ∪ EKS access policies ∪ RBAC → decision.
/// </summary>
public sealed class AccessModel
{
    private AccessModel(ClusterSnapshot snapshot, IdentityResolver identities, KubernetesAuthorizer authorizer, ResourceCatalog resources)
    {
        Snapshot = snapshot;
        Identities = identities;
        Authorizer = authorizer;
        Resources = resources;
    }

    public ClusterSnapshot Snapshot { get; }

    public IdentityResolver Identities { get; }

    public KubernetesAuthorizer Authorizer { get; }

    public ResourceCatalog Resources { get; }

    /// <summary>Indexes a snapshot. With <paramref name="includeDefaultRoles"/> the bootstrap ClusterRoles and bindings are
    /// present as on every real cluster, unless the snapshot defines one of the same name.</summary>
    public static AccessModel Build(ClusterSnapshot snapshot, bool includeDefaultRoles = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new AccessModel(
            snapshot,
            new IdentityResolver(snapshot),
            KubernetesAuthorizer.ForSnapshot(snapshot, includeDefaultRoles),
            ResourceCatalog.Default.WithCustomResources(snapshot.CustomResourceDefinitions));
    }
}
