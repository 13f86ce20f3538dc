using EksAccess.Core.Authorization;
using EksAccess.Core.Rendering;
using EksAccess.Core.Snapshots;

namespace EksAccess.Kubernetes;

/// <summary>
/// The Kubernetes calls eksaccess makes, over KubernetesClient; its mutable models stop here and Core records come out.
/// Failures surface as <see cref="KubernetesApiException"/>.
/// </summary>
public interface IKubernetesClusterClient
{
    /// <summary>
    /// The Kubernetes half of a snapshot: namespaces, resource quotas, limit ranges, service accounts, Roles,
    /// RoleBindings, ClusterRoles, ClusterRoleBindings, CustomResourceDefinitions (names) and kube-system/aws-auth.
    /// </summary>
    Task<ClusterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>GET a ConfigMap; null when it does not exist.</summary>
    Task<LiveConfigMap?> ReadConfigMapAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>POST a new ConfigMap (its data, labels and annotations); AlreadyExists when someone else created it first.</summary>
    Task<LiveConfigMap> CreateConfigMapAsync(ConfigMapObject configMap, CancellationToken cancellationToken);

    /// <summary>
    /// PUT <paramref name="current"/> back with the data and annotations of <paramref name="updated"/>, carrying
    /// current's resourceVersion: a 409 Conflict (<see cref="KubernetesApiException.IsConflict"/>) means it changed since it was read.
    /// </summary>
    Task<LiveConfigMap> ReplaceConfigMapAsync(LiveConfigMap current, ConfigMapObject updated, CancellationToken cancellationToken);

    /// <summary>Server-side apply (PATCH application/apply-patch+yaml, fieldManager=eksaccess); <paramref name="force"/> takes fields other managers own.</summary>
    Task ApplyAsync(KubernetesManifest manifest, bool force, CancellationToken cancellationToken);

    /// <summary>DELETE an object; false when it was already gone.</summary>
    Task<bool> DeleteAsync(string apiVersion, string resource, string? @namespace, string name, CancellationToken cancellationToken);

    /// <summary>POST a SubjectAccessReview for exactly <paramref name="user"/>'s name and groups (nothing is added) and <paramref name="request"/>'s attributes.</summary>
    Task<SubjectAccessReviewResult> ReviewAccessAsync(UserInfo user, AccessRequest request, CancellationToken cancellationToken);
}
