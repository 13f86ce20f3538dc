using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Text;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Expiry;

/// <summary>
/// Decides what <c>eksaccess prune</c> removes at <c>now</c>: access entries whose <c>eksaccess.io/expires-at</c> has
/// passed (DeleteAccessEntry), associations whose <c>eksaccess.io/expires.&lt;policy&gt;.&lt;scope hash&gt;</c> has passed
/// (DisassociateAccessPolicy, then UntagResource of the record), and records whose association is already gone. Never an
/// entry without managed-by=eksaccess or of a type other than STANDARD, and never the last path to cluster-admin
/// (judged on the live snapshot, aws-auth included, as revoke judges it). Each removal is idempotent and the record goes
/// last, so a run stopped half-way is finished by the next one.
/// </summary>
public static class PrunePlanner
{
    public static PrunePlan Plan(string clusterName, ImmutableArray<ObservedAccessEntry> entries, ClusterSnapshot cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(cluster);
        var pruned = ImmutableArray.CreateBuilder<PruneItem>();
        var kept = ImmutableArray.CreateBuilder<PruneItem>();
        var steps = ImmutableArray.CreateBuilder<AwsPlanStep>();
        var hadAdmin = AwsAuthMerge.HasClusterAdminPath(cluster);
        var working = cluster;

        foreach (var entry in (entries.IsDefault ? [] : entries).OrderBy(e => e.PrincipalArn, StringComparer.Ordinal))
        {
            var arn = entry.PrincipalArn;
            var expired = Expired(entry, now);
            if (expired.IsEmpty)
            {
                continue;
            }

            var refusal = !entry.IsManaged
                ? "not tagged managed-by=eksaccess: prune removes only what eksaccess created — remove it by hand, or drop the expiry tag"
                : !AccessEntryDefaults.IsStandard(AccessEntryDefaults.NormalizeType(entry.Type))
                    ? $"a {entry.Type} entry (nodes): prune removes only STANDARD entries"
                    : null;
            if (refusal is not null)
            {
                kept.AddRange(expired.Select(item => item with { Reason = refusal }));
                continue;
            }

            if (ExpiryTags.EntryExpiry(entry.Tags) is { } entryAt && entryAt <= now)
            {
                var after = working with { AccessEntries = [.. working.AccessEntries.Where(e => !string.Equals(e.PrincipalArn, arn, StringComparison.Ordinal))] };
                var item = new PruneItem(arn, "access entry", entryAt);
                if (hadAdmin && !AwsAuthMerge.HasClusterAdminPath(after))
                {
                    kept.Add(item with { Reason = "it is the last path to cluster-admin: add a permanent admin (access.yaml admins:) first" });
                    continue;
                }

                working = after;
                pruned.Add(item);
                steps.Add(Step(ChangeKind.Delete, "access-entry", arn, "eks:DeleteAccessEntry", AwsPlanOrder.DeleteAccessEntries,
                    new DeleteAccessEntryAction(clusterName, arn), [$"expired {Rfc3339.Format(entryAt)}"]));
                continue;
            }

            var untag = ImmutableArray.CreateBuilder<string>();
            foreach (var (key, name, hash, at) in ExpiryTags.PolicyExpiries(entry.Tags).Where(p => p.At <= now))
            {
                var associated = (entry.AssociatedAccessPolicies.IsDefault ? [] : entry.AssociatedAccessPolicies)
                    .FirstOrDefault(p => string.Equals(ExpiryTags.KeyPolicyName(p.PolicyArn), name, StringComparison.Ordinal));
                if (associated is null)
                {
                    pruned.Add(new PruneItem(arn, $"expiry record {key} (its association is already gone)", at));
                    untag.Add(key);
                    continue;
                }

                if (!string.Equals(ExpiryTags.ScopeHash(associated.AccessScope), hash, StringComparison.Ordinal))
                {
                    pruned.Add(new PruneItem(arn, $"expiry record {key} (the association's scope changed since the grant: {name} is left at {ExpiryTags.CanonicalScope(associated.AccessScope)})", at));
                    untag.Add(key);
                    continue;
                }

                var what = $"access policy {name} ({ExpiryTags.CanonicalScope(associated.AccessScope)})";
                var after = working with
                {
                    AccessEntries = [.. working.AccessEntries.Select(e => string.Equals(e.PrincipalArn, arn, StringComparison.Ordinal)
                        ? e with { AssociatedAccessPolicies = [.. e.AssociatedAccessPolicies.Where(p => !string.Equals(p.PolicyArn, associated.PolicyArn, StringComparison.Ordinal))] }
                        : e)],
                };
                if (hadAdmin && AwsPlanner.IsClusterAdmin(associated) && !AwsAuthMerge.HasClusterAdminPath(after))
                {
                    kept.Add(new PruneItem(arn, what, at) { PolicyArn = associated.PolicyArn, Reason = "it is the last path to cluster-admin: add a permanent admin (access.yaml admins:) first" });
                    continue;
                }

                working = after;
                pruned.Add(new PruneItem(arn, what, at) { PolicyArn = associated.PolicyArn });
                untag.Add(key);
                steps.Add(Step(ChangeKind.Delete, "access-policy", $"{arn} {name}", "eks:DisassociateAccessPolicy", AwsPlanOrder.Disassociate,
                    new DisassociateAccessPolicyAction(clusterName, arn, associated.PolicyArn), [$"expired {Rfc3339.Format(at)}"]));
            }

            if (untag.Count > 0)
            {
                // After the disassociations: a run stopped before this still finds the record and finishes the job.
                steps.Add(Step(ChangeKind.Update, "access-entry-tags", arn, "eks:UntagResource", AwsPlanOrder.DeleteAccessEntries + 1,
                    new UntagAccessEntryAction(clusterName, arn, untag.ToImmutable()), [.. untag]));
            }
        }

        return new PrunePlan { Pruned = pruned.ToImmutable(), Kept = kept.ToImmutable(), Steps = [.. steps.OrderBy(s => s.Change.Order)] };
    }

    /// <summary>Everything on the entry that has expired: the entry itself, or each expired association record.</summary>
    private static ImmutableArray<PruneItem> Expired(ObservedAccessEntry entry, DateTimeOffset now)
    {
        if (ExpiryTags.EntryExpiry(entry.Tags) is { } at && at <= now)
        {
            return [new PruneItem(entry.PrincipalArn, "access entry", at)];
        }

        return [.. ExpiryTags.PolicyExpiries(entry.Tags).Where(p => p.At <= now).Select(p => new PruneItem(entry.PrincipalArn, $"access policy {p.PolicyName}", p.At))];
    }

    private static AwsPlanStep Step(ChangeKind kind, string resourceType, string id, string apiCall, int order, AwsAction action, ImmutableArray<string> details) =>
        new(new PlannedChange(PlannedChange.AwsTarget, kind, resourceType, id, apiCall, details) { Order = order }, action);
}
