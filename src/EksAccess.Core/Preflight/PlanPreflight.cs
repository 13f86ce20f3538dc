using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Desired;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Preflight;

/// <summary>
/// Refuses a plan that cannot be applied, before anything is written: every IAM principal the config references but
/// does not create must exist (EKS answers CreateAccessEntry for a missing one with InvalidParameterException,
/// half-way through an apply), and no user or role the config creates may already belong to another cluster's config
/// (its <c>eksaccess.io/cluster</c> tag names another cluster; adopting it would take it from that config). Pure: the
/// adapter reads the facts (<see cref="Referenced"/> says which), this decides.
/// </summary>
public static class PlanPreflight
{
    /// <summary>Node roles, and admins and team members given by ARN, that are not a user or role of the config itself; sessions as their role.</summary>
    public static ImmutableArray<ReferencedPrincipal> Referenced(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var created = config.Iam.Users.Select(u => PrincipalResolver.UserArn(config.Cluster, u))
            .Concat(config.Iam.Roles.Select(r => PrincipalResolver.RoleArn(config.Cluster, r)))
            .ToHashSet(StringComparer.Ordinal);
        var candidates = config.Cluster.NodeRoles.Select((n, i) => (n.RoleArn, Use: $"cluster.nodeRoles[{i}]", n.Location))
            .Concat(config.Admins.Select((a, i) => (Arn: a.Principal, Use: $"admins[{i}]", a.Location)))
            .Concat(config.Teams.SelectMany(t => t.Members.Select(m => (Arn: m, Use: $"team '{t.Name}' member", t.Location))));
        var referenced = ImmutableArray.CreateBuilder<ReferencedPrincipal>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, use, location) in candidates)
        {
            // Names of config users and roles resolve to what the config creates; validation reports anything else.
            if (!IamPrincipalArn.TryParse(text, out var arn, out _) || arn.Kind is not (IamPrincipalKind.User or IamPrincipalKind.Role or IamPrincipalKind.AssumedRole))
            {
                continue;
            }

            var canonical = arn.Canonicalize().Value;
            if (!created.Contains(canonical) && seen.Add(canonical))
            {
                referenced.Add(new ReferencedPrincipal(canonical, use, location));
            }
        }

        return referenced.ToImmutable();
    }

    /// <summary>The account whose principals can be read: the caller's, when it is the config's cluster account; null otherwise.</summary>
    public static string? ReadableAccount(AccessConfig config, string? callerArn)
    {
        ArgumentNullException.ThrowIfNull(config);
        return AwsArn.TryParse(callerArn, out var caller, out _) && string.Equals(caller.AccountId, config.Cluster.AccountId, StringComparison.Ordinal)
            ? caller.AccountId
            : null;
    }

    /// <summary>
    /// Decides on what was read: <paramref name="exists"/> holds an answer for each referenced principal that could
    /// be read (absent: not checked, a warning); <paramref name="observed"/> holds the config's own users and roles.
    /// </summary>
    public static PreflightResult Check(AccessConfig config, ImmutableArray<ReferencedPrincipal> referenced, IReadOnlyDictionary<string, bool> exists, AwsObservedState observed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(exists);
        ArgumentNullException.ThrowIfNull(observed);
        var problems = ImmutableArray.CreateBuilder<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var missing = new List<ReferencedPrincipal>();
        foreach (var principal in referenced)
        {
            if (!exists.TryGetValue(principal.Arn, out var found))
            {
                warnings.Add($"{principal.Arn} ({principal.Use}) could not be checked: it is in another account than the one eksaccess reads ({config.Cluster.AccountId}); make sure it exists before apply");
            }
            else if (!found)
            {
                missing.Add(principal);
            }
        }

        if (missing.Count > 0)
        {
            problems.Add($"{Count(missing.Count, "IAM principal")} the config references {(missing.Count == 1 ? "does" : "do")} not exist: "
                + string.Join("; ", missing.Select(m => $"{m.Arn} ({At(m.Location)}{m.Use})"))
                + " — create them first or correct the ARN");
        }

        var clusterArn = config.Cluster.ClusterArn;
        var owned = observed.Users.Where(u => config.Iam.Users.Any(c => string.Equals(c.Name, u.Name, StringComparison.Ordinal))).Select(u => ("user", u.Name, u.Tags))
            .Concat(observed.Roles.Where(r => config.Iam.Roles.Any(c => string.Equals(c.Name, r.Name, StringComparison.Ordinal))).Select(r => ("role", r.Name, r.Tags)));
        foreach (var (kind, name, tags) in owned)
        {
            if (AwsOwnership.IsManaged(tags) && tags.TryGetValue(AwsOwnership.ClusterKey, out var other) && !string.Equals(other, clusterArn, StringComparison.Ordinal))
            {
                problems.Add($"IAM {kind} {name} belongs to another cluster's config ({AwsOwnership.ClusterKey}={other}) — give this config's {kind} another name");
            }
        }

        return new PreflightResult(problems.ToImmutable(), warnings.ToImmutable());
    }

    private static string At(SourceLocation location) => location.Line > 0 ? $"{location}: " : "";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
