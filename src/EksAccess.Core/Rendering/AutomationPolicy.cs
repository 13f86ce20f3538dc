using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Rendering;

/// <summary>
/// The least-privilege IAM policy of the <c>automation:</c> job: exactly the AWS actions its commands call, each on the
/// configured cluster's resources only, the destructive ones conditioned on the tags eksaccess writes. Which action
/// supports which resource type and condition key follows the AWS Service Authorization Reference (EKS, CloudWatch
/// Logs); the choices are in docs/decisions/automation.md. Rendered by <c>render --format iam</c> as
/// <c>iam/roles/ROLE/EksAccessAutomation.json</c>.
/// </summary>
public static class AutomationPolicy
{
    public const string PolicyName = "EksAccessAutomation";

    /// <summary>The tag prune requires on an access entry before it deletes it (issue 15: expiry is recorded in AWS).</summary>
    public const string ExpiresAtTag = "eksaccess.io/expires-at";

    /// <summary>Every tag eksaccess writes for expiry lives under this prefix; prune may remove those and no other.</summary>
    public const string TagPrefix = "eksaccess.io/";

    /// <summary>Where EKS sends control-plane logs (audit, authenticator): prune reads the audit log for a grant's residue.</summary>
    public static string AuditLogGroup(ClusterConfig cluster) => $"/aws/eks/{cluster?.Name}/cluster";

    /// <summary>The policy document for <paramref name="config"/>'s automation section (null when it has none).</summary>
    public static IamInlinePolicy? Generate(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Automation is not { } automation)
        {
            return null;
        }

        var statements = new JsonArray();
        foreach (var statement in Statements(config.Cluster, automation.Commands))
        {
            statements.Add((JsonNode)statement);
        }

        var document = new JsonObject { ["Version"] = IamPolicyRenderer.PolicyVersion, ["Statement"] = statements };
        return new IamInlinePolicy(IamEntityKind.Role, automation.RoleName, PolicyName, IamPolicyRenderer.Json(document), Generated: true);
    }

    private static IEnumerable<JsonObject> Statements(ClusterConfig cluster, ImmutableArray<string> commands)
    {
        var clusterArn = cluster.ClusterArn;
        var entries = $"arn:{cluster.Partition}:eks:{cluster.Region}:{cluster.AccountId}:access-entry/{cluster.Name}/*";

        // Both commands read the cluster (authentication mode, endpoint) and its access entries with their policies:
        // AwsStateReader.ReadClusterAsync — DescribeCluster, ListAccessEntries, DescribeAccessEntry, ListAssociatedAccessPolicies.
        yield return Statement("ReadCluster", ["eks:DescribeCluster", "eks:ListAccessEntries"], clusterArn);
        yield return Statement("ReadAccessEntries", ["eks:DescribeAccessEntry", "eks:ListAssociatedAccessPolicies"], entries);

        if (!commands.Contains(AutomationCommands.Prune, StringComparer.Ordinal))
        {
            yield break;
        }

        // An entry is deleted only when eksaccess recorded its expiry on it, and never a non-STANDARD entry (EC2_LINUX,
        // FARGATE_LINUX … are node and system identities).
        yield return Statement("PruneExpiredAccessEntries", ["eks:DeleteAccessEntry"], entries, new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["eks:accessEntryType"] = "STANDARD" },
            ["Null"] = new JsonObject { [$"aws:ResourceTag/{ExpiresAtTag}"] = "false" },
        });

        // An expired association's record is a tag whose key names the policy and scope (eksaccess.io/expires.<policy>.<hash>):
        // IAM cannot match a tag key by pattern in aws:ResourceTag, so the association is limited to STANDARD entries of
        // this cluster, and untagging to eksaccess.io/ keys (aws:TagKeys).
        yield return Statement("PruneExpiredAssociations", ["eks:DisassociateAccessPolicy"], entries, new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["eks:accessEntryType"] = "STANDARD" },
        });
        yield return Statement("RemoveExpiryRecords", ["eks:UntagResource"], entries, new JsonObject
        {
            ["ForAllValues:StringLike"] = new JsonObject { ["aws:TagKeys"] = TagPrefix + "*" },
        });

        // The residue report reads the Kubernetes audit log (FilterLogEvents) when control-plane logging is on.
        var logGroup = $"arn:{cluster.Partition}:logs:{cluster.Region}:{cluster.AccountId}:log-group:{AuditLogGroup(cluster)}";
        yield return Statement("ReadAuditLog", ["logs:FilterLogEvents"], new JsonArray(logGroup, logGroup + ":*"));
    }

    private static JsonObject Statement(string sid, string[] actions, JsonNode resource, JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Action"] = actions.Length == 1 ? JsonValue.Create(actions[0]) : new JsonArray([.. actions.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["Resource"] = resource,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    private static JsonObject Statement(string sid, string[] actions, string resource, JsonObject? condition = null) =>
        Statement(sid, actions, JsonValue.Create(resource), condition);
}
