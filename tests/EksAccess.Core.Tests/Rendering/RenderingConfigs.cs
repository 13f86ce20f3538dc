using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Rendering;

/// <summary>Code-built configs for the aws-cli, eksctl and terraform renderers, beside <see cref="TestConfigs.Seed000"/>.</summary>
internal static class RenderingConfigs
{
    /// <summary>Seed 000 as the walk-through runs it: dev-john also gets an access key.</summary>
    public static AccessConfig Seed000WithAccessKey()
    {
        var seed = TestConfigs.Seed000();
        return seed with { Iam = seed.Iam with { Users = [seed.Iam.Users[0] with { CreateAccessKey = true }] } };
    }

    /// <summary>Mirrors examples/001-role-based-access/access.yaml: aws-auth only, an IAM group that assumes the mapped role.</summary>
    public static AccessConfig Seed001() => new()
    {
        SourceFile = "examples/001-role-based-access/access.yaml",
        Cluster = new ClusterConfig
        {
            Name = "prod-eks-cluster",
            Region = "eu-west-1",
            AccountId = "293759796572",
            AuthenticationMode = AuthenticationMode.ConfigMap,
            AccessMethod = AccessMethod.AwsAuth,
            NodeRoles = [new NodeRoleConfig("arn:aws:iam::293759796572:role/eks-node-role")],
        },
        Iam = new IamConfig
        {
            Users = [new IamUserConfig { Name = "dev-alice" }, new IamUserConfig { Name = "dev-bob" }],
            Roles = [new IamRoleConfig { Name = "k8s-devs-role", Username = "developer", Trust = new RoleTrustConfig { Accounts = ["293759796572"] } }],
            Groups = [new IamGroupConfig { Name = "k8s-devs", Members = ["dev-alice", "dev-bob"], AssumeRoles = ["k8s-devs-role"] }],
        },
        Namespaces = [new NamespaceConfig { Name = "prod" }, new NamespaceConfig { Name = "uat" }, new NamespaceConfig { Name = "dev" }],
        ClusterRoles =
        [
            new ClusterRoleConfig("dev-full-access",
            [
                PolicyRule.ForResources(["", "extensions", "apps"], ["*"], ["*"]),
                PolicyRule.ForResources(["batch"], ["jobs", "cronjobs"], ["*"]),
            ]),
        ],
        Teams =
        [
            new TeamConfig
            {
                Name = "k8s-devs",
                KubernetesGroup = "k8s-devs",
                Members = ["k8s-devs-role"],
                Namespaces = [new TeamNamespaceGrant("prod", "dev-full-access"), new TeamNamespaceGrant("uat", "dev-full-access"), new TeamNamespaceGrant("dev", "dev-full-access")],
            },
        ],
        Admins = [new AdminConfig("arn:aws:iam::293759796572:user/eks-admin") { Username = "eks-admin" }],
    };

    /// <summary>Mirrors examples/003-cluster-admin-access-entry/access.yaml: one admin role, access entries, API mode.</summary>
    public static AccessConfig Seed003() => new()
    {
        SourceFile = "examples/003-cluster-admin-access-entry/access.yaml",
        Cluster = new ClusterConfig
        {
            Name = "mycluster",
            Region = "eu-west-1",
            AccountId = "111122223333",
            AuthenticationMode = AuthenticationMode.Api,
            AccessMethod = AccessMethod.AccessEntries,
        },
        Iam = new IamConfig { Roles = [new IamRoleConfig { Name = "KubernetesAdmin", Trust = new RoleTrustConfig { Accounts = ["111122223333"] } }] },
        Admins = [new AdminConfig("KubernetesAdmin")],
    };

    /// <summary>Names and values that stress quoting: a quote in a policy, a template sequence, wildcard namespaces, odd names.</summary>
    public static AccessConfig Awkward()
    {
        var policy = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(
            """
            {"Version":"2012-10-17","Statement":[{"Sid":"it's","Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::bucket/${aws:username}/*","Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:max-keys":10}}}]}
            """)!;
        var seed = TestConfigs.Seed000();
        return seed with
        {
            Iam = new IamConfig
            {
                Users =
                [
                    new IamUserConfig
                    {
                        Name = "dev.o'neil",
                        Path = "/teams/dev/",
                        Username = "dev:o'neil",
                        Policies = [new InlinePolicyConfig("home-bucket", policy)],
                        Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("team", "dev apps, \"core\"")]),
                        CreateAccessKey = true,
                    },
                ],
                Roles = [new IamRoleConfig { Name = "2nd-role", Path = "/eks/", Username = "ops", MaxSessionDuration = 7200 }],
                Groups = [new IamGroupConfig { Name = "devs", Members = ["dev.o'neil"], AssumeRoles = ["2nd-role"] }],
            },
            Namespaces = [.. seed.Namespaces, new NamespaceConfig { Name = "dev-1" }],
            Teams =
            [
                seed.Teams[0] with
                {
                    Members = ["dev.o'neil", "2nd-role"],
                    Namespaces = [new TeamNamespaceGrant("dev-apps", "developer-role"), new TeamNamespaceGrant("dev-1", "view")],
                    AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSViewPolicy", "dev-*", "team a")],
                },
            ],
        };
    }
}
