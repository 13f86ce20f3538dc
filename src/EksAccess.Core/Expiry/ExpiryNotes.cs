using System.Collections.Immutable;
using EksAccess.Core.Planning;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Expiry;

/// <summary>
/// Marks the removals a plan makes because an <c>expires</c> passed (<see cref="PlannedChange.ExpiredAt"/>), so plan
/// prints <c>- … (expired 2026-12-01T18:00Z)</c>: access entries whose every reason expired, access-policy
/// associations that expired while the entry stays, and RoleBindings of expired namespace grants.
/// </summary>
public static class ExpiryNotes
{
    public static Plan Annotate(Plan plan, ExpiryView view)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(view);
        if (view.Expired.IsEmpty)
        {
            return plan;
        }

        var removals = Removals(view);
        return plan with
        {
            Changes = [.. plan.Changes.Select(c => c.Kind == ChangeKind.Delete && removals.TryGetValue((c.ResourceType, c.Id), out var at) ? c with { ExpiredAt = at } : c)],
        };
    }

    /// <summary>What the expiries remove, keyed as the planners name their changes (resource type, id), with the time it expired.</summary>
    public static ImmutableDictionary<(string Type, string Id), DateTimeOffset> Removals(ExpiryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var removals = ImmutableDictionary.CreateBuilder<(string Type, string Id), DateTimeOffset>();
        var before = PrincipalResolver.Resolve(view.Full);
        var after = PrincipalResolver.Resolve(view.Current).ToDictionary(p => p.PrincipalArn, StringComparer.Ordinal);
        foreach (var principal in before)
        {
            if (!after.TryGetValue(principal.PrincipalArn, out var kept))
            {
                if (principal.ExpiresAt is { } entryAt)
                {
                    removals[("access-entry", principal.PrincipalArn)] = entryAt;
                }

                continue;
            }

            var keptPolicies = kept.AccessPolicies.Select(p => p.PolicyArn).ToHashSet(StringComparer.Ordinal);
            foreach (var policy in principal.AccessPolicies.Where(p => !keptPolicies.Contains(p.PolicyArn)))
            {
                if (principal.PolicyExpiresAt.TryGetValue(policy.PolicyArn, out var policyAt))
                {
                    removals[("access-policy", $"{principal.PrincipalArn} {PolicyName(policy.PolicyArn)}")] = policyAt;
                }
            }
        }

        foreach (var team in view.Full.Teams)
        {
            foreach (var grant in team.Namespaces.Where(g => g.Expires is not null && g.Expires.At <= view.At))
            {
                removals[("RoleBinding", $"{grant.Namespace}/{team.Name}-{grant.Role}")] = grant.Expires!.At;
            }
        }

        return removals.ToImmutable();
    }

    private static string PolicyName(string policyArn)
    {
        var slash = policyArn.LastIndexOf('/');
        return slash < 0 ? policyArn : policyArn[(slash + 1)..];
    }
}
