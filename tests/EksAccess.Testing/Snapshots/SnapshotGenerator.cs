using System.Globalization;
using System.Text;
using EksAccess.Core.Snapshots;

namespace EksAccess.Testing.Snapshots;

/// <summary>
/// Writes a realistic snapshot directory (docs/snapshot-format.md) in exactly the format kubectl and the aws CLI print:
/// Lists with metadata noise (uid, resourceVersion, some managedFields and last-applied annotations), the seeds'
/// developer-role shapes, resourceNames, subresources, wildcards, aggregated ClusterRoles, aws-auth mapRoles/mapUsers,
/// access entries with cluster- and namespace-scoped policies, and describe-cluster output. Deterministic for a seed.
/// <see cref="Generate"/> is pure (the tests link this file); <see cref="Write"/> saves the files.
/// </summary>
internal static class SnapshotGenerator
{
    public const string ClusterName = "platform-prod";
    public const string Account = "111122223333";
    public const string Region = "eu-west-1";

    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private const string PolicyPrefix = "arn:aws:eks::aws:cluster-access-policy/";

    private static readonly string[] Products =
    [
        "payments", "checkout", "catalog", "search", "orders", "billing", "identity", "inventory", "shipping", "pricing",
        "reviews", "ads", "analytics", "notifications", "media", "profile", "loyalty", "fraud", "support", "reporting",
    ];

    private static readonly string[] Environments = ["dev", "uat", "staging", "prod", "qa"];

    private static readonly string[] ReadVerbs = ["get", "list", "watch"];
    private static readonly string[] WriteVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

    private static readonly RoleShape[] RoleShapes =
    [
        new("developer",
        [
            new([""], ["pods", "pods/log", "pods/exec", "services", "configmaps", "secrets", "persistentvolumeclaims"], WriteVerbs),
            new(["apps"], ["deployments", "replicasets", "statefulsets", "daemonsets"], WriteVerbs),
            new(["batch"], ["jobs", "cronjobs"], WriteVerbs),
            new(["networking.k8s.io"], ["ingresses"], WriteVerbs),
            new([""], ["events"], ReadVerbs),
        ]),
        new("config-reader", [new([""], ["configmaps"], ["get"], ["app-config", "feature-flags"])]),
        new("pod-debugger",
        [
            new([""], ["pods"], ReadVerbs),
            new([""], ["pods/log"], ["get"]),
            new([""], ["pods/exec", "pods/portforward"], ["create"]),
        ]),
        new("deployer",
        [
            new(["apps"], ["deployments", "statefulsets"], ["*"]),
            new([""], ["services", "configmaps"], ["get", "list", "watch", "create", "update", "patch"]),
        ]),
        new("viewer",
        [
            new([""], ["pods", "services", "configmaps", "events"], ReadVerbs),
            new(["apps"], ["deployments", "replicasets"], ReadVerbs),
        ]),
        new("secret-reader", [new([""], ["secrets"], ["get"], ["db-credentials", "tls-cert"])]),
        new("ci-runner",
        [
            new(["batch"], ["jobs"], ["get", "list", "watch", "create", "delete"]),
            new([""], ["pods", "pods/log"], ["get", "list"]),
            new([""], ["serviceaccounts/token"], ["create"]),
        ]),
        new("namespace-admin", [new(["*"], ["*"], ["*"])]),
        new("scaler",
        [
            new(["apps"], ["deployments/scale", "statefulsets/scale"], ["get", "update", "patch"]),
            new(["autoscaling"], ["horizontalpodautoscalers"], WriteVerbs),
        ]),
        new("crontab-editor", [new(["stable.example.com"], ["crontabs"], ["get", "list", "watch", "create", "update", "patch"])]),
    ];

    private static readonly Rule[] ClusterReadonlyRules =
    [
        new([""], ["namespaces", "nodes"], ReadVerbs),
        new(["storage.k8s.io"], ["storageclasses"], ReadVerbs),
        new([], [], ["get"], NonResourceUrls: ["/healthz", "/version", "/metrics"]),
    ];

    private static readonly string[] BuiltInClusterRoles = ["view", "edit", "admin"];
    private static readonly string[] NamespacePolicies = ["AmazonEKSEditPolicy", "AmazonEKSViewPolicy", "AmazonEKSAdminPolicy"];

    public static void Write(string directory, SnapshotSize size, int seed)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Generate(size, seed))
        {
            File.WriteAllText(Path.Combine(directory, file.Path), file.Text);
        }
    }

    /// <summary>The files of the snapshot; each <see cref="SnapshotFile.Path"/> is a bare file name.</summary>
    public static IReadOnlyList<SnapshotFile> Generate(SnapshotSize size, int seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var random = new Random(seed);
        var namespaces = NamespaceNames(size.Namespaces);
        var clusterRoleNames = Enumerable.Range(0, size.ClusterRoles).Select(ClusterRoleName).ToArray();
        return
        [
            new("cluster.json", Cluster()),
            new("namespaces.yaml", Namespaces(namespaces, random)),
            new("quotas.yaml", Quotas(namespaces, random)),
            new("serviceaccounts.yaml", ServiceAccounts(namespaces, random)),
            new("roles.yaml", Roles(size, namespaces, random)),
            new("rolebindings.yaml", RoleBindings(size, namespaces, clusterRoleNames, random)),
            new("clusterroles.yaml", ClusterRoles(size, random)),
            new("clusterrolebindings.json", ClusterRoleBindings(size, namespaces, clusterRoleNames, random)),
            new("aws-auth.yaml", AwsAuth(size, namespaces, random)),
            new("access-entries.json", AccessEntries(size, namespaces, random)),
        ];
    }

    public static string NamespaceName(int index)
    {
        var combos = Products.Length * Environments.Length;
        var name = $"{Products[index % Products.Length]}-{Environments[index / Products.Length % Environments.Length]}";
        return index < combos ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{index / combos}");
    }

    private static string[] NamespaceNames(int count) => [.. Enumerable.Range(0, count).Select(NamespaceName)];

    private static string Team(int namespaceIndex) => string.Create(CultureInfo.InvariantCulture, $"team-{namespaceIndex / 4}");

    private static string ClusterRoleName(int index) => (index % 10) switch
    {
        0 => $"aggregated-team-{index}",
        1 => $"crd-view-{index}",
        2 => $"crd-edit-{index}",
        3 => $"crd-admin-{index}",
        4 => $"team-extension-{index}",
        5 => $"cluster-readonly-{index}",
        _ => $"{RoleShapes[index % RoleShapes.Length].Name}-cluster-{index}",
    };

    private static string Cluster() =>
        $$"""
        {
            "cluster": {
                "name": "{{ClusterName}}",
                "arn": "arn:aws:eks:{{Region}}:{{Account}}:cluster/{{ClusterName}}",
                "createdAt": "2024-06-03T08:15:27.441000+00:00",
                "version": "1.31",
                "endpoint": "https://5E1D0CEXAMPLEA591B746AFC5AB30262.gr7.{{Region}}.eks.amazonaws.com",
                "roleArn": "arn:aws:iam::{{Account}}:role/{{ClusterName}}-cluster-role",
                "resourcesVpcConfig": {
                    "subnetIds": [
                        "subnet-0a1b2c3d4e5f60718",
                        "subnet-0f1e2d3c4b5a69788"
                    ],
                    "securityGroupIds": [],
                    "clusterSecurityGroupId": "sg-0123456789abcdef0",
                    "vpcId": "vpc-0abc1234def567890",
                    "endpointPublicAccess": false,
                    "endpointPrivateAccess": true,
                    "publicAccessCidrs": []
                },
                "kubernetesNetworkConfig": {
                    "serviceIpv4Cidr": "172.20.0.0/16",
                    "ipFamily": "ipv4"
                },
                "logging": {
                    "clusterLogging": [
                        {
                            "types": [
                                "api",
                                "audit",
                                "authenticator"
                            ],
                            "enabled": true
                        }
                    ]
                },
                "identity": {
                    "oidc": {
                        "issuer": "https://oidc.eks.{{Region}}.amazonaws.com/id/5E1D0CEXAMPLEA591B746AFC5AB30262"
                    }
                },
                "status": "ACTIVE",
                "certificateAuthority": {
                    "data": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM="
                },
                "platformVersion": "eks.12",
                "tags": {
                    "team": "platform"
                },
                "accessConfig": {
                    "bootstrapClusterCreatorAdminPermissions": true,
                    "authenticationMode": "API_AND_CONFIG_MAP"
                },
                "upgradePolicy": {
                    "supportType": "STANDARD"
                }
            }
        }

        """;

    private static string Namespaces(string[] namespaces, Random random)
    {
        var yaml = ListStart();
        for (var i = 0; i < namespaces.Length; i++)
        {
            yaml.Append("- apiVersion: v1\n  kind: Namespace\n  metadata:\n");
            yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
            yaml.Append("    labels:\n");
            yaml.Append("      env: ").Append(Environments[i / Products.Length % Environments.Length]).Append('\n');
            yaml.Append("      kubernetes.io/metadata.name: ").Append(namespaces[i]).Append('\n');
            yaml.Append("      team: ").Append(Team(i)).Append('\n');
            yaml.Append("    name: ").Append(namespaces[i]).Append('\n');
            Noise(yaml, random);
            yaml.Append("  spec:\n    finalizers:\n    - kubernetes\n  status:\n    phase: Active\n");
        }

        return ListEnd(yaml);
    }

    private static string Quotas(string[] namespaces, Random random)
    {
        var yaml = ListStart();
        for (var i = 0; i < namespaces.Length; i++)
        {
            var cpu = 2 << random.Next(4);
            yaml.Append("- apiVersion: v1\n  kind: ResourceQuota\n  metadata:\n");
            yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
            yaml.Append("    name: ").Append(namespaces[i]).Append("-quota\n");
            yaml.Append("    namespace: ").Append(namespaces[i]).Append('\n');
            Noise(yaml, random);
            yaml.Append(CultureInfo.InvariantCulture, $"  spec:\n    hard:\n      limits.cpu: \"{cpu * 2}\"\n      limits.memory: {cpu * 4}Gi\n      pods: \"{cpu * 10}\"\n      requests.cpu: \"{cpu}\"\n      requests.memory: {cpu * 2}Gi\n");
            yaml.Append("  status:\n    hard:\n      pods: \"").Append(cpu * 10).Append("\"\n    used:\n      pods: \"").Append(random.Next(cpu * 10)).Append("\"\n");
            if (i % 4 == 0)
            {
                yaml.Append("- apiVersion: v1\n  kind: LimitRange\n  metadata:\n");
                yaml.Append("    name: ").Append(namespaces[i]).Append("-limits\n");
                yaml.Append("    namespace: ").Append(namespaces[i]).Append('\n');
                Noise(yaml, random);
                yaml.Append("  spec:\n    limits:\n    - default:\n        cpu: 500m\n        memory: 512Mi\n      defaultRequest:\n        cpu: 250m\n        memory: 256Mi\n      type: Container\n");
            }
        }

        return ListEnd(yaml);
    }

    private static string ServiceAccounts(string[] namespaces, Random random)
    {
        var yaml = ListStart();
        foreach (var ns in namespaces)
        {
            foreach (var name in (string[])["default", "deployer"])
            {
                yaml.Append("- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n");
                yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
                yaml.Append("    name: ").Append(name).Append('\n');
                yaml.Append("    namespace: ").Append(ns).Append('\n');
                Noise(yaml, random);
            }
        }

        return ListEnd(yaml);
    }

    private static string Roles(SnapshotSize size, string[] namespaces, Random random)
    {
        var yaml = ListStart();
        for (var i = 0; i < size.Roles; i++)
        {
            var shape = RoleShapes[RoleShapeIndex(i, namespaces.Length)];
            var ns = namespaces[i % namespaces.Length];
            var name = RoleName(i, namespaces.Length);
            yaml.Append("- apiVersion: ").Append(RbacApiVersion).Append("\n  kind: Role\n  metadata:\n");
            if (i % 4 == 0)
            {
                LastApplied(yaml, "Role", name, ns);
            }

            yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
            if (i % 4 == 0)
            {
                ManagedFields(yaml, "f:rules: {}", random);
            }

            yaml.Append("    name: ").Append(name).Append('\n');
            yaml.Append("    namespace: ").Append(ns).Append('\n');
            Noise(yaml, random);
            Rules(yaml, shape.Rules);
        }

        return ListEnd(yaml);
    }

    private static int RoleShapeIndex(int roleIndex, int namespaceCount) => (roleIndex / namespaceCount) % RoleShapes.Length;

    private static string RoleName(int roleIndex, int namespaceCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{RoleShapes[RoleShapeIndex(roleIndex, namespaceCount)].Name}-{roleIndex / namespaceCount}");

    private static string RoleBindings(SnapshotSize size, string[] namespaces, string[] clusterRoles, Random random)
    {
        var yaml = ListStart();
        var n = namespaces.Length;
        for (var i = 0; i < size.RoleBindings; i++)
        {
            var nsIndex = i % n;
            var ns = namespaces[nsIndex];
            var rolesInNamespace = size.Roles / n + (nsIndex < size.Roles % n ? 1 : 0);
            var useRole = rolesInNamespace > 0 && random.Next(10) < 6;
            string roleKind;
            string roleName;
            if (useRole)
            {
                roleKind = "Role";
                roleName = RoleName(nsIndex + n * random.Next(rolesInNamespace), n);
            }
            else
            {
                roleKind = "ClusterRole";
                roleName = random.Next(3) == 0 && clusterRoles.Length > 0 ? clusterRoles[random.Next(clusterRoles.Length)] : BuiltInClusterRoles[random.Next(3)];
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"{roleName}-binding-{i / n}");
            yaml.Append("- apiVersion: ").Append(RbacApiVersion).Append("\n  kind: RoleBinding\n  metadata:\n");
            yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
            if (i % 5 == 0)
            {
                ManagedFields(yaml, "f:roleRef: {}\n        f:subjects: {}", random);
            }

            yaml.Append("    name: ").Append(name).Append('\n');
            yaml.Append("    namespace: ").Append(ns).Append('\n');
            Noise(yaml, random);
            yaml.Append("  roleRef:\n    apiGroup: ").Append(RbacGroup).Append("\n    kind: ").Append(roleKind).Append("\n    name: ").Append(roleName).Append('\n');
            if (i % 50 == 7)
            {
                continue; // a binding with no subjects: kubectl omits the key
            }

            yaml.Append("  subjects:\n");
            var subjects = 1 + random.Next(3);
            for (var s = 0; s < subjects; s++)
            {
                switch (random.Next(10))
                {
                    case < 6:
                        yaml.Append("  - apiGroup: ").Append(RbacGroup).Append("\n    kind: Group\n    name: ").Append(Team(nsIndex)).Append(random.Next(2) == 0 ? "-devs" : "-viewers").Append('\n');
                        break;
                    case < 8:
                        yaml.Append("  - apiGroup: ").Append(RbacGroup).Append("\n    kind: User\n    name: ").Append(CultureInfo.InvariantCulture, $"dev-{random.Next(5000)}@example.com").Append('\n');
                        break;
                    default:
                        yaml.Append("  - kind: ServiceAccount\n    name: ").Append(random.Next(2) == 0 ? "deployer" : "default").Append("\n    namespace: ").Append(random.Next(4) == 0 ? "ci" : ns).Append('\n');
                        break;
                }
            }
        }

        return ListEnd(yaml);
    }

    private static string ClusterRoles(SnapshotSize size, Random random)
    {
        var yaml = ListStart();
        for (var i = 0; i < size.ClusterRoles; i++)
        {
            var name = ClusterRoleName(i);
            var kind = i % 10;
            yaml.Append("- ");
            var itemIndent = false;
            if (kind == 0)
            {
                // kubectl sorts keys: aggregationRule comes before apiVersion and kind.
                yaml.Append("aggregationRule:\n    clusterRoleSelectors:\n    - matchLabels:\n        rbac.example.com/aggregate-to-").Append(CultureInfo.InvariantCulture, $"team-{i / 10 % 50}").Append(": \"true\"\n");
                if (i % 20 == 0)
                {
                    yaml.Append("    - matchExpressions:\n      - key: rbac.example.com/tier\n        operator: In\n        values:\n        - gold\n        - silver\n");
                }

                itemIndent = true;
            }

            yaml.Append(itemIndent ? "  " : "").Append("apiVersion: ").Append(RbacApiVersion).Append("\n  kind: ClusterRole\n  metadata:\n");
            yaml.Append("    creationTimestamp: \"").Append(Timestamp(random)).Append("\"\n");
            var label = kind switch
            {
                1 => "rbac.authorization.k8s.io/aggregate-to-view",
                2 => "rbac.authorization.k8s.io/aggregate-to-edit",
                3 => "rbac.authorization.k8s.io/aggregate-to-admin",
                4 => string.Create(CultureInfo.InvariantCulture, $"rbac.example.com/aggregate-to-team-{i / 10 % 50}"),
                _ => null,
            };
            if (label is not null || i % 3 == 0)
            {
                yaml.Append("    labels:\n      app.kubernetes.io/managed-by: Helm\n");
                if (label is not null)
                {
                    yaml.Append("      ").Append(label).Append(": \"true\"\n");
                }
            }

            yaml.Append("    name: ").Append(name).Append('\n');
            Noise(yaml, random);
            var crd = string.Create(CultureInfo.InvariantCulture, $"widgets{i % 97}");
            IReadOnlyList<Rule> rules = kind switch
            {
                0 => i % 20 == 0 ? [] : [new(["example.com"], [crd], ReadVerbs)],
                1 => [new(["example.com"], [crd, crd + "/status"], ReadVerbs)],
                2 => [new(["example.com"], [crd], ["create", "update", "patch", "delete", "deletecollection"])],
                3 => [new(["example.com"], [crd + "/finalizers"], ["update"])],
                4 => [new(["example.com"], [crd], ["get", "list"], [string.Create(CultureInfo.InvariantCulture, $"widget-{i}")])],
                5 => ClusterReadonlyRules,
                _ => RoleShapes[i % RoleShapes.Length].Rules,
            };
            if (kind == 0 && rules.Count == 0)
            {
                yaml.Append("  rules: null\n");
            }
            else
            {
                Rules(yaml, rules);
            }
        }

        return ListEnd(yaml);
    }

    private static string ClusterRoleBindings(SnapshotSize size, string[] namespaces, string[] clusterRoles, Random random)
    {
        var json = new StringBuilder();
        json.Append("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
        for (var i = 0; i < size.ClusterRoleBindings; i++)
        {
            var roleName = i % 25 == 0 ? "cluster-admin" : clusterRoles.Length > 0 && random.Next(4) > 0 ? clusterRoles[random.Next(clusterRoles.Length)] : "view";
            json.Append("        {\n            \"apiVersion\": \"").Append(RbacApiVersion).Append("\",\n            \"kind\": \"ClusterRoleBinding\",\n            \"metadata\": {\n");
            json.Append("                \"creationTimestamp\": \"").Append(Timestamp(random)).Append("\",\n");
            json.Append(CultureInfo.InvariantCulture, $"                \"name\": \"{roleName}-{i}\",\n");
            json.Append(CultureInfo.InvariantCulture, $"                \"resourceVersion\": \"{random.Next(1_000_000)}\",\n");
            json.Append("                \"uid\": \"").Append(Uid(random)).Append("\"\n            },\n");
            json.Append("            \"roleRef\": {\n                \"apiGroup\": \"").Append(RbacGroup).Append("\",\n                \"kind\": \"ClusterRole\",\n                \"name\": \"").Append(roleName).Append("\"\n            },\n");
            json.Append("            \"subjects\": [\n");
            var subjects = 1 + random.Next(2);
            for (var s = 0; s < subjects; s++)
            {
                json.Append(s == 0 ? "" : ",\n");
                if (random.Next(4) == 0)
                {
                    json.Append("                {\n                    \"kind\": \"ServiceAccount\",\n                    \"name\": \"deployer\",\n                    \"namespace\": \"").Append(namespaces[random.Next(namespaces.Length)]).Append("\"\n                }");
                }
                else
                {
                    json.Append("                {\n                    \"apiGroup\": \"").Append(RbacGroup).Append("\",\n                    \"kind\": \"Group\",\n                    \"name\": \"").Append(Team(random.Next(namespaces.Length))).Append("-viewers\"\n                }");
                }
            }

            json.Append("\n            ]\n        }").Append(i + 1 < size.ClusterRoleBindings ? ",\n" : "\n");
        }

        json.Append("    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
        return json.ToString();
    }

    private static string AwsAuth(SnapshotSize size, string[] namespaces, Random random)
    {
        var roles = new StringBuilder();
        var users = new StringBuilder();
        for (var i = 0; i < size.AwsAuthEntries; i++)
        {
            var team = Team(random.Next(namespaces.Length));
            if (i % 50 == 0)
            {
                roles.Append("    - groups:\n      - system:bootstrappers\n      - system:nodes\n      rolearn: arn:aws:iam::").Append(Account).Append(CultureInfo.InvariantCulture, $":role/{ClusterName}-nodegroup-{i / 50}-NodeInstanceRole\n").Append("      username: system:node:{{EC2PrivateDNSName}}\n");
            }
            else if (i % 5 < 3)
            {
                roles.Append("    - groups:\n      - ").Append(team).Append("-devs\n");
                if (i % 3 == 0)
                {
                    roles.Append("      - ").Append(team).Append("-viewers\n");
                }

                roles.Append("      rolearn: arn:aws:iam::").Append(Account).Append(CultureInfo.InvariantCulture, $":role/{team}-developer-{i}\n").Append(CultureInfo.InvariantCulture, $"      username: {team}-developer-{i}:{{{{SessionName}}}}\n");
            }
            else
            {
                users.Append("    - groups:\n      - ").Append(team).Append(random.Next(2) == 0 ? "-devs\n" : "-viewers\n");
                users.Append("      userarn: arn:aws:iam::").Append(Account).Append(CultureInfo.InvariantCulture, $":user/dev-{i}\n      username: dev-{i}\n");
            }
        }

        var yaml = new StringBuilder();
        yaml.Append("apiVersion: v1\ndata:\n  mapRoles: |\n").Append(roles);
        yaml.Append("  mapUsers: |\n").Append(users);
        yaml.Append("kind: ConfigMap\nmetadata:\n  creationTimestamp: \"2024-06-03T08:31:02Z\"\n  name: aws-auth\n  namespace: kube-system\n");
        yaml.Append("  resourceVersion: \"").Append(random.Next(1_000_000)).Append("\"\n  uid: ").Append(Uid(random)).Append('\n');
        return yaml.ToString();
    }

    private static string AccessEntries(SnapshotSize size, string[] namespaces, Random random)
    {
        var json = new StringBuilder("{\n    \"accessEntries\": [\n");
        for (var i = 0; i < size.AccessEntries; i++)
        {
            var nsIndex = random.Next(namespaces.Length);
            var team = Team(nsIndex);
            string principal;
            string username;
            var type = "STANDARD";
            string[] groups = [];
            if (i % 50 == 0)
            {
                var roleName = string.Create(CultureInfo.InvariantCulture, $"{ClusterName}-node-{i / 50}");
                principal = $"arn:aws:iam::{Account}:role/{roleName}";
                username = "system:node:{{EC2PrivateDNSName}}";
                type = "EC2_LINUX";
                groups = ["system:nodes"];
            }
            else if (i % 20 == 1)
            {
                var roleName = string.Create(CultureInfo.InvariantCulture, $"AWSReservedSSO_{team}_{i:x8}");
                principal = $"arn:aws:iam::{Account}:role/aws-reserved/sso.amazonaws.com/{roleName}";
                username = $"arn:aws:sts::{Account}:assumed-role/{roleName}/{{{{SessionName}}}}";
            }
            else if (i % 5 < 3)
            {
                var roleName = string.Create(CultureInfo.InvariantCulture, $"{team}-eks-{i}");
                principal = $"arn:aws:iam::{Account}:role/{roleName}";
                username = $"arn:aws:sts::{Account}:assumed-role/{roleName}/{{{{SessionName}}}}";
            }
            else
            {
                principal = string.Create(CultureInfo.InvariantCulture, $"arn:aws:iam::{Account}:user/dev-{i}");
                username = principal;
            }

            if (string.Equals(type, "STANDARD", StringComparison.Ordinal) && random.Next(2) == 0)
            {
                groups = random.Next(3) == 0 ? [team + "-devs", team + "-viewers"] : [team + "-devs"];
            }

            var kind = principal.Contains(":user/", StringComparison.Ordinal) ? "user" : "role";
            var principalName = principal[(principal.LastIndexOf('/') + 1)..];
            json.Append("        {\n");
            json.Append("            \"clusterName\": \"").Append(ClusterName).Append("\",\n");
            json.Append("            \"principalArn\": \"").Append(principal).Append("\",\n");
            JsonList(json, "kubernetesGroups", groups, "            ");
            json.Append(",\n            \"accessEntryArn\": \"arn:aws:eks:").Append(Region).Append(':').Append(Account).Append(":access-entry/").Append(ClusterName).Append('/').Append(kind).Append('/').Append(Account).Append('/').Append(principalName).Append('/').Append(Uid(random)).Append("\",\n");
            var created = Timestamp(random);
            json.Append("            \"createdAt\": \"").Append(created).Append("\",\n");
            json.Append("            \"modifiedAt\": \"").Append(created).Append("\",\n");
            json.Append("            \"tags\": {},\n");
            json.Append("            \"username\": \"").Append(username).Append("\",\n");
            json.Append("            \"type\": \"").Append(type).Append('"');
            if (string.Equals(type, "STANDARD", StringComparison.Ordinal))
            {
                json.Append(",\n            \"associatedAccessPolicies\": [");
                var roll = random.Next(10);
                var policies = roll < 4 ? 0 : roll < 8 ? 1 + random.Next(2) : 1;
                for (var p = 0; p < policies; p++)
                {
                    json.Append(p == 0 ? "\n" : ",\n");
                    json.Append("                {\n                    \"policyArn\": \"").Append(PolicyPrefix);
                    if (roll < 8)
                    {
                        json.Append(NamespacePolicies[(p + i) % NamespacePolicies.Length]).Append("\",\n");
                        var scoped = 1 + random.Next(3);
                        var names = Enumerable.Range(0, scoped).Select(k => k == 2 ? team + "-*" : namespaces[(nsIndex + k) % namespaces.Length]).Distinct(StringComparer.Ordinal).ToArray();
                        json.Append("                    \"accessScope\": {\n                        \"type\": \"namespace\",\n");
                        JsonList(json, "namespaces", names, "                        ");
                        json.Append("\n                    },\n");
                    }
                    else
                    {
                        var policy = random.Next(10) switch
                        {
                            < 7 => "AmazonEKSViewPolicy",
                            < 9 => "AmazonEKSAdminViewPolicy",
                            _ => "AmazonEKSClusterAdminPolicy",
                        };
                        json.Append(policy).Append("\",\n");
                        json.Append("                    \"accessScope\": {\n                        \"type\": \"cluster\",\n                        \"namespaces\": []\n                    },\n");
                    }

                    json.Append("                    \"associatedAt\": \"").Append(created).Append("\",\n");
                    json.Append("                    \"modifiedAt\": \"").Append(created).Append("\"\n                }");
                }

                json.Append(policies == 0 ? "]" : "\n            ]");
            }

            json.Append("\n        }").Append(i + 1 < size.AccessEntries ? ",\n" : "\n");
        }

        json.Append("    ]\n}\n");
        return json.ToString();
    }

    private static StringBuilder ListStart() => new StringBuilder().Append("apiVersion: v1\nitems:\n");

    private static string ListEnd(StringBuilder yaml) => yaml.Append("kind: List\nmetadata:\n  resourceVersion: \"\"\n").ToString();

    private static void Rules(StringBuilder yaml, IReadOnlyList<Rule> rules)
    {
        if (rules.Count == 0)
        {
            yaml.Append("  rules: []\n");
            return;
        }

        yaml.Append("  rules:\n");
        foreach (var rule in rules)
        {
            // kubectl sorts keys: apiGroups, nonResourceURLs, resourceNames, resources, verbs.
            var first = true;
            YamlList(yaml, "apiGroups", rule.ApiGroups, ref first);
            YamlList(yaml, "nonResourceURLs", rule.NonResourceUrls ?? [], ref first);
            YamlList(yaml, "resourceNames", rule.ResourceNames ?? [], ref first);
            YamlList(yaml, "resources", rule.Resources, ref first);
            YamlList(yaml, "verbs", rule.Verbs, ref first);
        }
    }

    private static void YamlList(StringBuilder yaml, string key, string[] values, ref bool first)
    {
        if (values.Length == 0)
        {
            return;
        }

        yaml.Append(first ? "  - " : "    ").Append(key).Append(":\n");
        first = false;
        foreach (var value in values)
        {
            yaml.Append("    - ").Append(value switch
            {
                "" => "\"\"",
                "*" => "'*'",
                _ => value,
            }).Append('\n');
        }
    }

    private static void JsonList(StringBuilder json, string key, string[] values, string indent)
    {
        json.Append(indent).Append('"').Append(key).Append("\": [");
        for (var i = 0; i < values.Length; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n").Append(indent).Append("    \"").Append(values[i]).Append('"');
        }

        json.Append(values.Length == 0 ? "]" : "\n" + indent + "]");
    }

    private static void Noise(StringBuilder yaml, Random random) =>
        yaml.Append("    resourceVersion: \"").Append(random.Next(1_000_000)).Append("\"\n    uid: ").Append(Uid(random)).Append('\n');

    private static void LastApplied(StringBuilder yaml, string kind, string name, string ns) =>
        yaml.Append("    annotations:\n      kubectl.kubernetes.io/last-applied-configuration: |\n        {\"apiVersion\":\"")
            .Append(RbacApiVersion).Append("\",\"kind\":\"").Append(kind).Append("\",\"metadata\":{\"annotations\":{},\"name\":\"")
            .Append(name).Append("\",\"namespace\":\"").Append(ns).Append("\"},\"rules\":[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"list\"]}]}\n");

    private static void ManagedFields(StringBuilder yaml, string fields, Random random)
    {
        var time = Timestamp(random);
        yaml.Append("    managedFields:\n    - apiVersion: ").Append(RbacApiVersion).Append("\n      fieldsType: FieldsV1\n      fieldsV1:\n");
        yaml.Append("        f:metadata:\n          f:annotations:\n            .: {}\n            f:kubectl.kubernetes.io/last-applied-configuration: {}\n        ");
        yaml.Append(fields).Append("\n      manager: kubectl-client-side-apply\n      operation: Update\n      time: \"").Append(time).Append("\"\n");
    }

    private static string Timestamp(Random random) =>
        new DateTime(2024, 6, 3, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(60 * 60 * 24 * 400)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Uid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private sealed record RoleShape(string Name, Rule[] Rules);

    private sealed record Rule(string[] ApiGroups, string[] Resources, string[] Verbs, string[]? ResourceNames = null, string[]? NonResourceUrls = null);
}
