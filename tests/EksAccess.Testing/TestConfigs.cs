using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;

namespace EksAccess.Testing;

/// <summary>AccessConfigs built in code; <see cref="Seed000"/> mirrors examples/000-developer-access/access.yaml.</summary>
internal static class TestConfigs
{
    private static readonly string[] WorkloadVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

    public static AccessConfig Seed000() => new()
    {
        SourceFile = "examples/000-developer-access/access.yaml",
        Cluster = new ClusterConfig
        {
            Name = "my-cluster",
            Region = "us-east-1",
            AccountId = "111122223333",
            AuthenticationMode = AuthenticationMode.ApiAndConfigMap,
            AccessMethod = AccessMethod.Both,
            NodeRoles = [new NodeRoleConfig("arn:aws:iam::111122223333:role/EKSNodeRole")],
        },
        Iam = new IamConfig
        {
            Users = [new IamUserConfig { Name = "dev-john", Username = "dev-john" }],
            Roles = [new IamRoleConfig { Name = "EKSDeveloperRole", Username = "developer", Trust = new RoleTrustConfig { Accounts = ["111122223333"] } }],
        },
        Namespaces =
        [
            new NamespaceConfig
            {
                Name = "dev-apps",
                Quota = new ResourceQuotaConfig("dev-apps-quota", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["requests.cpu"] = "4",
                    ["requests.memory"] = "8Gi",
                    ["limits.cpu"] = "8",
                    ["limits.memory"] = "16Gi",
                    ["pods"] = "20",
                })),
            },
        ],
        Roles =
        [
            new RoleTemplateConfig("developer-role",
            [
                PolicyRule.ForResources([""], ["pods", "pods/log", "pods/exec", "services", "configmaps", "secrets", "persistentvolumeclaims"], WorkloadVerbs),
                PolicyRule.ForResources(["apps"], ["deployments", "replicasets", "statefulsets", "daemonsets"], WorkloadVerbs),
                PolicyRule.ForResources(["batch"], ["jobs", "cronjobs"], WorkloadVerbs),
                PolicyRule.ForResources(["networking.k8s.io"], ["ingresses"], WorkloadVerbs),
                PolicyRule.ForResources([""], ["events"], ["get", "list", "watch"]),
            ]),
        ],
        ClusterRoles =
        [
            new ClusterRoleConfig("developer-cluster-readonly",
            [
                PolicyRule.ForResources([""], ["namespaces", "nodes"], ["get", "list", "watch"]),
                PolicyRule.ForResources(["storage.k8s.io"], ["storageclasses"], ["get", "list", "watch"]),
                PolicyRule.ForResources(["metrics.k8s.io"], ["pods", "nodes"], ["get", "list"]),
            ]),
        ],
        Teams =
        [
            new TeamConfig
            {
                Name = "dev-team",
                KubernetesGroup = "dev-team",
                Members = ["dev-john", "EKSDeveloperRole"],
                Namespaces = [new TeamNamespaceGrant("dev-apps", "developer-role")],
                ClusterRoles = ["developer-cluster-readonly"],
                AccessPolicies = [new AccessPolicyConfig("AmazonEKSEditPolicy", new AccessScope(AccessScope.NamespaceType, ["dev-apps"]))],
            },
        ],
        Admins = [new AdminConfig("arn:aws:iam::111122223333:role/PlatformAdmin") { Username = "platform-admin" }],
    };

    /// <summary>A minimal config: one cluster, nothing else.</summary>
    public static AccessConfig Empty(AccessMethod method = AccessMethod.Both) => new()
    {
        SourceFile = "access.yaml",
        Cluster = new ClusterConfig { Name = "c1", Region = "eu-west-1", AccountId = "123456789012", AccessMethod = method },
    };

    public static TeamConfig Team(string name, params string[] members) => new()
    {
        Name = name,
        KubernetesGroup = name,
        Members = [.. members],
    };

    public static AccessPolicyConfig NamespacePolicy(string policy, params string[] namespaces) =>
        new(policy, new AccessScope(AccessScope.NamespaceType, [.. namespaces]));

    public static AccessPolicyConfig ClusterPolicy(string policy) => new(policy, AccessScope.Cluster);
}
