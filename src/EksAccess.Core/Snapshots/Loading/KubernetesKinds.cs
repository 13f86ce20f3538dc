using EksAccess.Core.Identity;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>The kinds a snapshot reads; every other kind is ignored.</summary>
internal static class KubernetesKinds
{
    public const string RoleKind = "Role";
    public const string ClusterRoleKind = "ClusterRole";
    public const string RoleBindingKind = "RoleBinding";
    public const string ClusterRoleBindingKind = "ClusterRoleBinding";
    public const string NamespaceKind = "Namespace";
    public const string ServiceAccountKind = "ServiceAccount";
    public const string ResourceQuotaKind = "ResourceQuota";
    public const string LimitRangeKind = "LimitRange";
    public const string ConfigMapKind = "ConfigMap";
    public const string CustomResourceDefinitionKind = "CustomResourceDefinition";
    public const string ListSuffix = "List";

    public const string AwsAuthName = AwsAuthNames.ConfigMapName;
    public const string AwsAuthNamespace = AwsAuthNames.ConfigMapNamespace;
}
