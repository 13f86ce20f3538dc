using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Config;

namespace EksAccess.Core.Desired;

/// <summary>
/// Generates the IAM policy documents of an <see cref="AccessConfig"/> and renders them as JSON files:
/// <c>iam/roles/ROLE/trust-policy.json</c> and <c>iam/users|roles|groups/NAME/POLICY.json</c>. Besides the inline
/// policies written in the config it generates <c>EKSDescribeCluster</c> (for every user and role mapped into the
/// cluster, and every user or group that assumes a config role) and <c>AssumeEksRoles</c> (for users and groups with
/// <c>assumeRoles</c>). A policy the config writes under one of those names replaces the generated one.
/// </summary>
public static class IamPolicyRenderer
{
    public const string DescribeClusterPolicyName = "EKSDescribeCluster";
    public const string AssumeRolesPolicyName = "AssumeEksRoles";
    public const string PolicyVersion = "2012-10-17";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IamPolicies Generate(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var mapped = PrincipalResolver.Resolve(config).Select(p => p.PrincipalArn).ToHashSet(StringComparer.Ordinal);
        var describeCluster = DescribeClusterPolicy(cluster);
        var inline = ImmutableArray.CreateBuilder<IamInlinePolicy>();

        void AddEntity(IamEntityKind kind, string name, ImmutableArray<InlinePolicyConfig> written, bool needsDescribe, ImmutableArray<string> assumeRoles)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var policy in written)
            {
                if (names.Add(policy.Name))
                {
                    inline.Add(new IamInlinePolicy(kind, name, policy.Name, Json(policy.Document), Generated: false));
                }
            }

            if (needsDescribe && names.Add(DescribeClusterPolicyName))
            {
                inline.Add(new IamInlinePolicy(kind, name, DescribeClusterPolicyName, describeCluster, Generated: true));
            }

            if (!assumeRoles.IsDefaultOrEmpty && names.Add(AssumeRolesPolicyName))
            {
                var arns = assumeRoles.Select(r => AssumedRoleArn(config, r)).Distinct(StringComparer.Ordinal).ToList();
                inline.Add(new IamInlinePolicy(kind, name, AssumeRolesPolicyName, AssumeRolesPolicy(arns), Generated: true));
            }
        }

        foreach (var user in config.Iam.Users)
        {
            var isMapped = mapped.Contains(PrincipalResolver.UserArn(cluster, user));
            AddEntity(IamEntityKind.User, user.Name, user.Policies, isMapped || !user.AssumeRoles.IsDefaultOrEmpty, user.AssumeRoles);
        }

        foreach (var role in config.Iam.Roles)
        {
            AddEntity(IamEntityKind.Role, role.Name, role.Policies, mapped.Contains(PrincipalResolver.RoleArn(cluster, role)), []);
        }

        foreach (var group in config.Iam.Groups)
        {
            AddEntity(IamEntityKind.Group, group.Name, group.Policies, !group.AssumeRoles.IsDefaultOrEmpty, group.AssumeRoles);
        }

        return new IamPolicies([.. config.Iam.Roles.Select(r => new IamRoleTrustPolicy(r.Name, TrustPolicy(config, r.Trust)))], inline.ToImmutable());
    }

    internal static string Folder(IamEntityKind kind) => kind switch
    {
        IamEntityKind.User => "users",
        IamEntityKind.Role => "roles",
        IamEntityKind.Group => "groups",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, message: null),
    };

    /// <summary>A JSON node as 2-space-indented text with no trailing newline, keys in their given order.</summary>
    public static string Json(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string DescribeClusterPolicy(ClusterConfig cluster) => Json(new JsonObject
    {
        ["Version"] = PolicyVersion,
        ["Statement"] = new JsonArray
        {
            (JsonNode)new JsonObject
            {
                ["Sid"] = "DescribeCluster",
                ["Effect"] = "Allow",
                ["Action"] = "eks:DescribeCluster",
                ["Resource"] = cluster.ClusterArn,
            },

            // eks:ListClusters does not support resource-level permissions: IAM only accepts "*" for it. It reveals
            // cluster names, nothing more, and lets `aws eks list-clusters` / update-kubeconfig users find the cluster.
            (JsonNode)new JsonObject
            {
                ["Sid"] = "ListClusters",
                ["Effect"] = "Allow",
                ["Action"] = "eks:ListClusters",
                ["Resource"] = "*",
            },
        },
    });

    private static string AssumeRolesPolicy(List<string> roleArns) => Json(new JsonObject
    {
        ["Version"] = PolicyVersion,
        ["Statement"] = new JsonArray
        {
            (JsonNode)new JsonObject
            {
                ["Sid"] = "AssumeEksRoles",
                ["Effect"] = "Allow",
                ["Action"] = "sts:AssumeRole",
                ["Resource"] = OneOrMany(roleArns),
            },
        },
    });

    private static string TrustPolicy(AccessConfig config, RoleTrustConfig trust)
    {
        var cluster = config.Cluster;
        var principals = trust.Accounts.Select(a => AccountRoot(cluster.Partition, a))
            .Concat(trust.Principals.Select(p => PrincipalResolver.PrincipalArn(config, p)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var statements = new JsonArray();
        if (principals.Count > 0 || trust.SsoPermissionSets.IsDefaultOrEmpty)
        {
            // A role must trust someone: with nothing configured it trusts its own account (the walk-through's default).
            statements.Add((JsonNode)new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = OneOrMany(principals.Count > 0 ? principals : [AccountRoot(cluster.Partition, cluster.AccountId)]) },
                ["Action"] = "sts:AssumeRole",
            });
        }

        if (!trust.SsoPermissionSets.IsDefaultOrEmpty)
        {
            // IAM Identity Center creates AWSReservedSSO_<set>_<random> under aws-reserved/sso.amazonaws.com/[region/]:
            // trust the account and narrow to those roles by ARN.
            var patterns = trust.SsoPermissionSets
                .Select(set => $"arn:{cluster.Partition}:iam::{cluster.AccountId}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_{set}_*")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            statements.Add((JsonNode)new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = AccountRoot(cluster.Partition, cluster.AccountId) },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject { ["ArnLike"] = new JsonObject { ["aws:PrincipalArn"] = OneOrMany(patterns) } },
            });
        }

        return Json(new JsonObject { ["Version"] = PolicyVersion, ["Statement"] = statements });
    }

    private static string AccountRoot(string partition, string account) =>
        account.StartsWith("arn:", StringComparison.Ordinal) ? account : $"arn:{partition}:iam::{account}:root";

    private static string AssumedRoleArn(AccessConfig config, string roleNameOrArn)
    {
        if (roleNameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return roleNameOrArn;
        }

        var role = config.Iam.Roles.FirstOrDefault(r => string.Equals(r.Name, roleNameOrArn, StringComparison.Ordinal))
            ?? throw new ArgumentException($"assumeRoles names '{roleNameOrArn}', which is not an iam role of the config", nameof(config));
        return PrincipalResolver.RoleArn(config.Cluster, role);
    }

    private static JsonNode OneOrMany(List<string> values) =>
        values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
