using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Revocation;

/// <summary>
/// Every path an IAM principal has into a cluster, for revoke: its access entry, its aws-auth mappings (either
/// section, any letter case, a role with or without its path), its account in mapAccounts, and — for a user — the
/// groups and inline policies that let it assume a role the cluster maps, and its access keys. Which of them
/// eksaccess may remove: the access entry, aws-auth mappings it wrote (others only with force), group memberships
/// and access keys; never mapAccounts (it admits everyone of the account) or the user's own policies.
/// </summary>
public static partial class AccessPathFinder
{
    public static ImmutableArray<AccessPath> Find(string principalArn, ClusterSnapshot cluster, IamPrincipalFacts iam, bool force)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(iam);
        var paths = ImmutableArray.CreateBuilder<AccessPath>();
        var usesEntries = cluster.AuthenticationMode != AuthenticationMode.ConfigMap;
        var usesAwsAuth = cluster.AuthenticationMode != AuthenticationMode.Api;
        var pathless = PrincipalResolver.AwsAuthArn(principalArn);

        foreach (var entry in (cluster.AccessEntries.IsDefault ? [] : cluster.AccessEntries).Where(e => SamePrincipal(e.PrincipalArn, principalArn)))
        {
            paths.Add(new AccessPath(AccessPathKind.AccessEntry,
                $"access entry {entry.PrincipalArn} ({entry.Type}{(usesEntries ? "" : "; unused while the cluster is in CONFIG_MAP mode")})",
                entry.PrincipalArn, Removable: true));
        }

        if (cluster.AwsAuth is { } awsAuth)
        {
            var owned = AwsAuthMerge.OwnedMappings(awsAuth).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var mappings = AwsAuthParser.Parse(awsAuth);
            var matches = mappings.MapRoles.Select(r => (Arn: r.RoleArn, Text: r.Describe()))
                .Concat(mappings.MapUsers.Select(u => (Arn: u.UserArn, Text: u.Describe())))
                .Where(m => string.Equals(m.Arn, principalArn, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Arn, pathless, StringComparison.OrdinalIgnoreCase));
            foreach (var (arn, text) in matches)
            {
                var mine = owned.Contains(arn);
                paths.Add(new AccessPath(AccessPathKind.AwsAuthMapping, text + (usesAwsAuth ? "" : " (unused while the cluster is in API mode)"), arn,
                    Removable: mine || force,
                    mine || force ? null : "not written by eksaccess: re-run with --force to remove it, or remove it by hand (kubectl edit -n kube-system configmap aws-auth)"));
            }

            var account = AccountOf(principalArn);
            foreach (var mapping in mappings.AccountMappings.Where(a => string.Equals(a.AccountId, account, StringComparison.Ordinal)))
            {
                paths.Add(new AccessPath(AccessPathKind.AwsAuthAccount, mapping.Describe(), mapping.AccountId, Removable: false,
                    "mapAccounts admits every IAM principal of the account: remove the account from aws-auth by hand if that is meant"));
            }
        }

        var mapped = MappedRoles(cluster);
        foreach (var group in iam.Groups)
        {
            foreach (var role in AssumableMappedRoles(group.InlinePolicies, mapped))
            {
                paths.Add(new AccessPath(AccessPathKind.GroupAssumeRole, $"member of IAM group {group.Name}, whose policy allows sts:AssumeRole on {role}, which the cluster maps", group.Name, Removable: true));
            }
        }

        foreach (var role in AssumableMappedRoles(iam.InlinePolicies, mapped))
        {
            paths.Add(new AccessPath(AccessPathKind.InlinePolicyAssumeRole, $"the user's own inline policy allows sts:AssumeRole on {role}, which the cluster maps", role, Removable: false,
                "eksaccess does not edit a user's own policies: remove the statement (aws iam delete-user-policy) if that is meant"));
        }

        foreach (var key in iam.AccessKeys.Where(k => k.IsActive))
        {
            paths.Add(new AccessPath(AccessPathKind.AccessKey, $"active access key {key.AccessKeyId}", key.AccessKeyId, Removable: true));
        }

        return paths.ToImmutable();
    }

    /// <summary>
    /// The revoke plan for <paramref name="principalArn"/> on <paramref name="clusterName"/>: the paths
    /// (<see cref="Find"/>), the AWS calls that remove the removable ones, whether aws-auth is edited, and the refusal
    /// when the aws-auth edit is unsafe or — without --force — the principal holds the last path to cluster-admin.
    /// </summary>
    public static RevokePlan Plan(string principalArn, string clusterName, ClusterSnapshot cluster, IamPrincipalFacts iam, RevokeOptions options)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var paths = Find(principalArn, cluster, iam, options.Force);
        var removable = paths.Where(p => p.Removable).ToList();
        var user = PrincipalResolver.IamNameOf(principalArn);
        var withoutEntry = WithoutAccessEntry(cluster, principalArn);
        var plan = new RevokePlan
        {
            PrincipalArn = principalArn,
            Paths = paths,
            Options = options,
            WithoutAccessEntry = withoutEntry,
            EditsAwsAuth = removable.Any(p => p.Kind == AccessPathKind.AwsAuthMapping),
            ClusterSteps =
            [
                .. removable.Where(p => p.Kind == AccessPathKind.AccessEntry).Select(p => Step(
                    ChangeKind.Delete, "access-entry", p.Target, "eks:DeleteAccessEntry", AwsPlanOrder.DeleteAccessEntries, new DeleteAccessEntryAction(clusterName, p.Target))),
            ],
            IamSteps =
            [
                .. removable.Where(p => p.Kind == AccessPathKind.GroupAssumeRole).DistinctBy(p => p.Target, StringComparer.Ordinal).Select(p => Step(
                    ChangeKind.Delete, "iam-group-membership", $"{p.Target}/{user}", "iam:RemoveUserFromGroup", AwsPlanOrder.RemoveMemberships, new RemoveUserFromGroupAction(user, p.Target))),
                .. removable.Where(p => p.Kind == AccessPathKind.AccessKey).Select(p => options.DeleteAccessKeys
                    ? Step(ChangeKind.Delete, "iam-access-key", $"{user}/{p.Target}", "iam:DeleteAccessKey", AwsPlanOrder.DeleteIamPolicies, new DeleteAccessKeyAction(user, p.Target))
                    : Step(ChangeKind.Update, "iam-access-key", $"{user}/{p.Target}", "iam:UpdateAccessKey", AwsPlanOrder.DeleteIamPolicies, new UpdateAccessKeyAction(user, p.Target, Active: false))),
            ],
        };
        return plan with { Refusal = RefusalOf(plan, cluster) };
    }

    /// <summary>An unsafe aws-auth edit (a node role, an unreadable section) is always refused; losing the last admin path only without --force.</summary>
    private static Refusal? RefusalOf(RevokePlan plan, ClusterSnapshot cluster)
    {
        var force = plan.Options.Force;
        var edit = AwsAuthMerge.Remove(cluster.AwsAuth, plan.PrincipalArn, force, plan.WithoutAccessEntry);
        if (edit.IsRefused && !(force && edit.Reasons.All(r => r.Kind == RefusalKind.LastAdminPath)))
        {
            var first = edit.Reasons.FirstOrDefault(r => r.Kind != RefusalKind.LastAdminPath) ?? edit.Reasons[0];
            return first with { Message = string.Join("; ", edit.Refusals) };
        }

        var afterRevoke = plan.WithoutAccessEntry with { AwsAuth = edit.Changed ? edit.After : cluster.AwsAuth };
        return !force && AwsAuthMerge.HasClusterAdminPath(cluster) && !AwsAuthMerge.HasClusterAdminPath(afterRevoke)
            ? new Refusal(RefusalKind.LastAdminPath, "it is the last IAM principal with a path to cluster-admin: add another admin first, or re-run with --force")
            : null;
    }

    private static AwsPlanStep Step(ChangeKind kind, string resourceType, string id, string apiCall, int order, AwsAction action) =>
        new(new PlannedChange(PlannedChange.AwsTarget, kind, resourceType, id, apiCall, []) { Order = order }, action);

    private static ClusterSnapshot WithoutAccessEntry(ClusterSnapshot cluster, string principalArn) => cluster with
    {
        AccessEntries = [.. (cluster.AccessEntries.IsDefault ? [] : cluster.AccessEntries).Where(e =>
            !string.Equals(PrincipalResolver.AwsAuthArn(e.PrincipalArn), PrincipalResolver.AwsAuthArn(principalArn), StringComparison.OrdinalIgnoreCase))],
    };

    /// <summary>The roles the cluster maps (access entries and aws-auth mapRoles), keyed by account and name (paths ignored).</summary>
    private static Dictionary<string, string> MappedRoles(ClusterSnapshot cluster)
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arns = (cluster.AccessEntries.IsDefault ? [] : cluster.AccessEntries).Select(e => e.PrincipalArn);
        if (cluster.AwsAuth is { } awsAuth)
        {
            arns = arns.Concat(AwsAuthParser.Parse(awsAuth).MapRoles.Select(r => r.RoleArn));
        }

        foreach (var arn in arns.Where(a => PrincipalResolver.KindOf(a) == IamPrincipalKind.Role))
        {
            roles.TryAdd(RoleKey(arn), arn);
        }

        return roles;
    }

    private static SortedSet<string> AssumableMappedRoles(ImmutableArray<IamPolicyFacts> policies, Dictionary<string, string> mapped)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            foreach (var resource in AssumeRoleResources(policy.Document))
            {
                var pattern = Glob(resource);
                foreach (var (key, arn) in mapped)
                {
                    if (pattern.IsMatch(arn) || pattern.IsMatch(PrincipalResolver.AwsAuthArn(arn)) || string.Equals(RoleKeyOrNull(resource), key, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add(arn);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The Resource patterns of the Allow statements whose Action covers sts:AssumeRole.</summary>
    private static List<string> AssumeRoleResources(string document)
    {
        var resources = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(document);
            if (!json.RootElement.TryGetProperty("Statement", out var statements))
            {
                return resources;
            }

            foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Enumerable.Repeat(statements, 1))
            {
                if (statement.ValueKind != JsonValueKind.Object || !statement.TryGetProperty("Effect", out var effect) || !string.Equals(effect.GetString(), "Allow", StringComparison.Ordinal))
                {
                    continue;
                }

                var actions = Strings(statement, "Action");
                if (!actions.Any(a => Glob(a).IsMatch("sts:AssumeRole")))
                {
                    continue;
                }

                resources.AddRange(Strings(statement, "Resource"));
            }
        }
        catch (JsonException)
        {
            // An unreadable document grants nothing eksaccess can name.
        }

        return resources;
    }

    private static List<string> Strings(JsonElement statement, string property)
    {
        if (!statement.TryGetProperty(property, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => [],
        };
    }

    /// <summary>An IAM wildcard pattern (* and ?), matched case-insensitively as IAM matches actions (and, conservatively, resources).</summary>
    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static bool SamePrincipal(string entryArn, string principalArn) =>
        string.Equals(entryArn, principalArn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(PrincipalResolver.AwsAuthArn(entryArn), PrincipalResolver.AwsAuthArn(principalArn), StringComparison.OrdinalIgnoreCase);

    private static string RoleKey(string arn) => RoleKeyOrNull(arn) ?? arn;

    private static string? RoleKeyOrNull(string arn) =>
        AwsArn.ParseOrNull(arn) is { } parsed && parsed.Resource.StartsWith("role/", StringComparison.Ordinal)
            ? $"{parsed.AccountId}:{PrincipalResolver.IamNameOf(arn)}"
            : null;

    private static string AccountOf(string arn) => AwsArn.ParseOrNull(arn)?.AccountId ?? "";
}
