using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Text;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Expiry;

/// <summary>
/// Break-glass on access entries: creates the principal's entry (tagged managed-by, <c>expires-at</c>, reason and
/// granted-by) or extends what an earlier grant made, and associates the policy or adds the group. A grant never
/// shortens or removes what the principal already has: an expiry only moves later, permanent access stays permanent,
/// and what cannot carry its own expiry (a group on a permanent entry, widening a permanent association) is refused
/// rather than made permanent by accident (docs/decisions/expiry.md).
/// </summary>
public static class GrantPlanner
{
    public static GrantPlan Plan(GrantRequest request, ObservedAccessEntry? existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiresAt = request.ExpiresAt;
        if (Limit(request) is { } refusal)
        {
            return new GrantPlan { ExpiresAt = expiresAt, Refusal = refusal };
        }

        var info = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        [
            KeyValuePair.Create(ExpiryTags.ReasonKey, ExpiryTags.Value(request.Reason)),
            .. request.CallerArn is null ? [] : new[] { KeyValuePair.Create(ExpiryTags.GrantedByKey, ExpiryTags.Value(request.CallerArn)) },
        ]);
        var revoke = $"eksaccess revoke --principal {request.PrincipalArn} --cluster {request.ClusterName}";
        return existing is null
            ? Create(request, info, revoke)
            : Extend(request, existing, info, revoke);
    }

    private static Refusal? Limit(GrantRequest request)
    {
        if (request.Force)
        {
            return null;
        }

        if (request.Duration > request.Max)
        {
            return new Refusal(RefusalKind.ExpiryBeyondLimit, $"--for {DurationText.Format(request.Duration)} is more than --max {DurationText.Format(request.Max)}: ask for less, raise --max, or pass --force");
        }

        return request.ClusterMax is { } cap && request.Duration > cap
            ? new Refusal(RefusalKind.ExpiryBeyondLimit, $"--for {DurationText.Format(request.Duration)} is more than cluster.maxGrantDuration {DurationText.Format(cap)}: ask for less, or pass --force")
            : null;
    }

    private static GrantPlan Create(GrantRequest request, ImmutableSortedDictionary<string, string> info, string revoke)
    {
        var tags = info
            .SetItem(AwsOwnership.ManagedByKey, AwsOwnership.ManagedByValue)
            .SetItem(ExpiryTags.ExpiresAtKey, Rfc3339.Format(request.ExpiresAt));
        ImmutableArray<string> groups = request.Group is null ? [] : [request.Group];
        var steps = ImmutableArray.CreateBuilder<AwsPlanStep>();
        steps.Add(Step(ChangeKind.Create, "access-entry", request.PrincipalArn, "eks:CreateAccessEntry", AwsPlanOrder.AccessEntries,
            new CreateAccessEntryAction(request.ClusterName, request.PrincipalArn, AccessEntry.StandardType, null, groups, tags),
            [$"kubernetesGroups: [{string.Join(", ", groups)}]", $"tags: {string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"))}"]));
        if (request.PolicyArn is { } policy)
        {
            steps.Add(Associate(request, policy, request.Scope ?? AccessScope.Cluster));
        }

        return new GrantPlan
        {
            ExpiresAt = request.ExpiresAt,
            Steps = steps.ToImmutable(),
            Notes = [$"{request.PrincipalArn} had no access entry: it gets one that eksaccess prune deletes after {Rfc3339.Format(request.ExpiresAt)}"],
            EndEarly = [revoke],
        };
    }

    private static GrantPlan Extend(GrantRequest request, ObservedAccessEntry existing, ImmutableSortedDictionary<string, string> info, string revoke)
    {
        if (!AccessEntryDefaults.IsStandard(AccessEntryDefaults.NormalizeType(existing.Type)))
        {
            return Refused(request, $"the access entry of {request.PrincipalArn} is of type {existing.Type}: EKS gives it no groups or access policies");
        }

        if (!existing.IsManaged)
        {
            return Refused(request, $"the access entry of {request.PrincipalArn} is not tagged managed-by=eksaccess, and prune removes only what eksaccess manages: the grant would never end — grant a role that has no entry yet, or adopt the entry with eksaccess apply first");
        }

        var entryExpiry = ExpiryTags.EntryExpiry(existing.Tags);
        var notes = ImmutableArray.CreateBuilder<string>();
        var steps = ImmutableArray.CreateBuilder<AwsPlanStep>();
        var set = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var remove = ImmutableArray.CreateBuilder<string>();
        var ends = request.ExpiresAt;
        var endEarly = ImmutableArray.CreateBuilder<string>();

        if (request.Group is { } group)
        {
            var has = existing.KubernetesGroups.Contains(group, StringComparer.Ordinal);
            if (entryExpiry is null)
            {
                if (!has)
                {
                    return Refused(request, $"{request.PrincipalArn} has a permanent access entry, and a group on it cannot carry its own expiry: grant an access policy (--policy) instead");
                }

                return Nothing(request, $"{request.PrincipalArn} already has group {group} permanently: nothing to grant");
            }

            ends = Later(entryExpiry.Value, request.ExpiresAt);
            if (!has)
            {
                var groups = existing.KubernetesGroups.Append(group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
                steps.Add(Step(ChangeKind.Update, "access-entry", request.PrincipalArn, "eks:UpdateAccessEntry", AwsPlanOrder.AccessEntries,
                    new UpdateAccessEntryAction(request.ClusterName, request.PrincipalArn, null, groups), [$"kubernetesGroups: + {group}"]));
            }

            set[ExpiryTags.ExpiresAtKey] = Rfc3339.Format(ends);
            endEarly.Add(revoke);
        }
        else
        {
            var policy = request.PolicyArn!;
            var scope = request.Scope ?? AccessScope.Cluster;
            var current = (existing.AssociatedAccessPolicies.IsDefault ? [] : existing.AssociatedAccessPolicies)
                .FirstOrDefault(p => string.Equals(p.PolicyArn, policy, StringComparison.Ordinal));
            var currentExpiry = current is null ? null : ExpiryTags.PolicyExpiry(existing.Tags, policy, current.AccessScope) ?? entryExpiry;
            if (current is not null && currentExpiry is null)
            {
                if (Covers(current.AccessScope, scope))
                {
                    return Nothing(request, $"{request.PrincipalArn} already has {Name(policy)} ({ExpiryTags.CanonicalScope(current.AccessScope)}) permanently: nothing to grant");
                }

                return Refused(request, $"{request.PrincipalArn} has {Name(policy)} permanently at scope {ExpiryTags.CanonicalScope(current.AccessScope)}: widening it for a while would replace that scope, and prune could not put it back — grant a different policy, or change access.yaml");
            }

            var newScope = current is null ? scope : Union(current.AccessScope, scope);
            ends = currentExpiry is { } was ? Later(was, request.ExpiresAt) : request.ExpiresAt;
            if (current is null || !string.Equals(ExpiryTags.CanonicalScope(current.AccessScope), ExpiryTags.CanonicalScope(newScope), StringComparison.Ordinal))
            {
                steps.Add(Associate(request, policy, newScope));
            }

            if (current is not null && ExpiryTags.PolicyKey(policy, current.AccessScope) is var oldKey && existing.Tags.ContainsKey(oldKey) && !string.Equals(oldKey, ExpiryTags.PolicyKey(policy, newScope), StringComparison.Ordinal))
            {
                remove.Add(oldKey);
            }

            if (entryExpiry is { } entryEnds)
            {
                // A temporary entry lives as long as the longest grant on it; the association keeps its own record when it ends sooner.
                var newEntryEnds = Later(entryEnds, ends);
                set[ExpiryTags.ExpiresAtKey] = Rfc3339.Format(newEntryEnds);
                if (ends < newEntryEnds)
                {
                    set[ExpiryTags.PolicyKey(policy, newScope)] = Rfc3339.Format(ends);
                }

                endEarly.Add(revoke);
            }
            else
            {
                set[ExpiryTags.PolicyKey(policy, newScope)] = Rfc3339.Format(ends);
                endEarly.Add($"aws eks disassociate-access-policy --cluster-name {request.ClusterName} --principal-arn {request.PrincipalArn} --policy-arn {policy}");
                endEarly.Add($"eksaccess prune --cluster {request.ClusterName}");
                notes.Add($"{request.PrincipalArn} keeps its permanent access entry; only {Name(policy)} ends");
            }
        }

        if (ends > request.ExpiresAt)
        {
            notes.Add($"an earlier grant reaches further: the access ends at {Rfc3339.Format(ends)}, not sooner (a grant never shortens access)");
        }

        foreach (var (key, value) in info)
        {
            set[key] = value;
        }

        var tagSet = set.ToImmutable();
        steps.Add(Step(ChangeKind.Update, "access-entry-tags", request.PrincipalArn, "eks:TagResource", AwsPlanOrder.AccessPolicies,
            new TagAccessEntryAction(request.ClusterName, request.PrincipalArn, tagSet), [.. tagSet.Select(t => $"{t.Key}={t.Value}")]));
        if (remove.Count > 0)
        {
            steps.Add(Step(ChangeKind.Update, "access-entry-tags", request.PrincipalArn, "eks:UntagResource", AwsPlanOrder.AccessPolicies + 1,
                new UntagAccessEntryAction(request.ClusterName, request.PrincipalArn, remove.ToImmutable()), [.. remove]));
        }

        return new GrantPlan { ExpiresAt = ends, Steps = steps.ToImmutable(), Notes = notes.ToImmutable(), EndEarly = endEarly.ToImmutable() };
    }

    private static AwsPlanStep Associate(GrantRequest request, string policy, AccessScope scope) =>
        Step(ChangeKind.Create, "access-policy", $"{request.PrincipalArn} {Name(policy)}", "eks:AssociateAccessPolicy", AwsPlanOrder.AccessPolicies,
            new AssociateAccessPolicyAction(request.ClusterName, request.PrincipalArn, policy, scope), [$"accessScope: {ExpiryTags.CanonicalScope(scope)}"]);

    /// <summary>Whether <paramref name="outer"/> already allows everywhere <paramref name="inner"/> does.</summary>
    public static bool Covers(AccessScope outer, AccessScope inner)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        return outer.IsCluster || (!inner.IsCluster && inner.Namespaces.All(n => outer.Namespaces.Contains(n, StringComparer.Ordinal)));
    }

    private static AccessScope Union(AccessScope left, AccessScope right) =>
        left.IsCluster || right.IsCluster
            ? AccessScope.Cluster
            : new AccessScope(AccessScope.NamespaceType, [.. left.Namespaces.Concat(right.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    private static DateTimeOffset Later(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;

    private static GrantPlan Refused(GrantRequest request, string message) =>
        new() { ExpiresAt = request.ExpiresAt, Refusal = new Refusal(RefusalKind.CannotRecordExpiry, message) };

    private static GrantPlan Nothing(GrantRequest request, string note) =>
        new() { ExpiresAt = request.ExpiresAt, Notes = [note] };

    private static AwsPlanStep Step(ChangeKind kind, string resourceType, string id, string apiCall, int order, AwsAction action, ImmutableArray<string> details) =>
        new(new PlannedChange(PlannedChange.AwsTarget, kind, resourceType, id, apiCall, details) { Order = order }, action);

    private static string Name(string policyArn) => policyArn[(policyArn.LastIndexOf('/') + 1)..];
}
