using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Text;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Desired;

/// <summary>
/// Declarative expiry: an item of access.yaml whose <c>expires</c> is at or before the instant is treated as absent, so
/// plan shows its removal and apply makes it. Items are team members, a team's namespace grants and access policies,
/// and admins. Everything else is left as written.
/// </summary>
public static class ConfigExpiry
{
    public static ExpiryView At(AccessConfig config, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        var expired = ImmutableArray.CreateBuilder<ExpiredItem>();
        bool Gone(ExpiryConfig? expiry) => expiry is not null && expiry.At <= now;

        var teams = config.Teams.Select(team =>
        {
            foreach (var member in team.Members.Where(m => Gone(team.MemberExpiries.GetValueOrDefault(m))))
            {
                var at = team.MemberExpiries[member];
                expired.Add(new ExpiredItem($"team {team.Name} member {member}", at.At, at.Location));
            }

            foreach (var grant in team.Namespaces.Where(g => Gone(g.Expires)))
            {
                expired.Add(new ExpiredItem($"team {team.Name} grant of {grant.Role} in namespace {grant.Namespace}", grant.Expires!.At, grant.Expires.Location));
            }

            foreach (var policy in team.AccessPolicies.Where(p => Gone(p.Expires)))
            {
                expired.Add(new ExpiredItem($"team {team.Name} access policy {policy.PolicyArn}", policy.Expires!.At, policy.Expires.Location));
            }

            return team with
            {
                Members = [.. team.Members.Where(m => !Gone(team.MemberExpiries.GetValueOrDefault(m)))],
                MemberExpiries = team.MemberExpiries.RemoveRange(team.MemberExpiries.Where(e => Gone(e.Value)).Select(e => e.Key)),
                Namespaces = [.. team.Namespaces.Where(g => !Gone(g.Expires))],
                AccessPolicies = [.. team.AccessPolicies.Where(p => !Gone(p.Expires))],
            };
        }).ToImmutableArray();

        foreach (var admin in config.Admins.Where(a => Gone(a.Expires)))
        {
            expired.Add(new ExpiredItem($"admin {admin.Principal}", admin.Expires!.At, admin.Expires.Location));
        }

        var current = config with { Teams = teams, Admins = [.. config.Admins.Where(a => !Gone(a.Expires))] };
        return new ExpiryView(config, current, expired.ToImmutable(), now);
    }

    /// <summary>
    /// The expiry checks that need the clock: an <c>expires</c> further away than <c>cluster.maxGrantDuration</c> is an
    /// error; one already past is a warning (the next apply removes the item).
    /// </summary>
    public static (ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Warnings) Check(AccessConfig config, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        var cap = config.Cluster.MaxGrantDuration;
        foreach (var (what, expiry) in Expiries(config))
        {
            if (expiry.At <= now)
            {
                warnings.Add(new Diagnostic(expiry.Location, $"{what} expired at {Rfc3339.Format(expiry.At)}", "the next apply removes it; delete it from access.yaml when it is gone"));
            }
            else if (cap is { } max && expiry.At - now > max)
            {
                errors.Add(new Diagnostic(expiry.Location,
                    $"{what} expires at {Rfc3339.Format(expiry.At)}, more than cluster.maxGrantDuration ({DurationText.Format(max)}) from now",
                    $"expire it by {Rfc3339.Format(now + max)}, or raise cluster.maxGrantDuration"));
            }
        }

        return (AccessConfigParser.SortDiagnostics(errors), AccessConfigParser.SortDiagnostics(warnings));
    }

    private static IEnumerable<(string What, ExpiryConfig Expiry)> Expiries(AccessConfig config)
    {
        foreach (var team in config.Teams)
        {
            foreach (var (member, expiry) in team.MemberExpiries)
            {
                yield return ($"team {team.Name} member {member}", expiry);
            }

            foreach (var grant in team.Namespaces.Where(g => g.Expires is not null))
            {
                yield return ($"team {team.Name} grant of {grant.Role} in {grant.Namespace}", grant.Expires!);
            }

            foreach (var policy in team.AccessPolicies.Where(p => p.Expires is not null))
            {
                yield return ($"team {team.Name} access policy {policy.PolicyArn}", policy.Expires!);
            }
        }

        foreach (var admin in config.Admins.Where(a => a.Expires is not null))
        {
            yield return ($"admin {admin.Principal}", admin.Expires!);
        }
    }
}
