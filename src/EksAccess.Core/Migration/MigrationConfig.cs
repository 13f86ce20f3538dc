using System.Globalization;
using System.Text;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Migration;

/// <summary>
/// The access config (docs/access-config.md) that manages migrate's entries, as text: node entries as
/// <c>cluster.nodeRoles</c>, AmazonEKSClusterAdminPolicy entries as <c>admins</c> (with their username), every other
/// group as a team whose members are the principals' ARNs (their accounts become <c>trustedAccountIds</c>). A config can
/// only give a custom username to an admin, so an entry that needs one any other way is refused, not written wrong.
/// The text is checked by <see cref="AccessConfigParser.ParseAndValidate"/> before it is returned.
/// </summary>
public static class MigrationConfig
{
    /// <summary>The config text, or the reason no config can manage these entries.</summary>
    public static (string? Text, string? Refusal) Render(MigrationResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cluster = result.Input.Snapshot.Cluster;
        if (cluster?.Region is null || cluster.AccountId is null)
        {
            return (null, "the cluster's name, region and account are not known: the snapshot needs cluster.json with the cluster ARN");
        }

        var nodes = new List<AccessEntry>();
        var admins = new List<AccessEntry>();
        var teams = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var entry in result.Entries.Select(p => p.Entry))
        {
            var principal = IamPrincipalArn.Parse(entry.PrincipalArn);
            if (!AccessEntryDefaults.IsStandard(entry.Type))
            {
                nodes.Add(entry);
                continue;
            }

            var admin = entry.AssociatedAccessPolicies.Any(p => string.Equals(p.PolicyArn, MigrationPlanner.ClusterAdminPolicyArn, StringComparison.Ordinal));
            if (admin)
            {
                admins.Add(entry);
            }
            else if (!string.Equals(entry.Username, AccessEntryDefaults.Username(entry.Type, principal), StringComparison.Ordinal))
            {
                refused.Add($"{entry.PrincipalArn} (username '{entry.Username}')");
                continue;
            }
            else if (entry.KubernetesGroups.IsEmpty)
            {
                refused.Add($"{entry.PrincipalArn} (no groups)");
                continue;
            }

            foreach (var group in entry.KubernetesGroups)
            {
                if (!teams.TryGetValue(group, out var members))
                {
                    teams[group] = members = new SortedSet<string>(StringComparer.Ordinal);
                }

                members.Add(entry.PrincipalArn);
            }
        }

        if (refused.Count > 0)
        {
            return (null, $"an access config gives a custom username only to admins, and these entries need one or have nothing a team can hold: {string.Join(", ", refused)} — create them with --apply or from -o json instead");
        }

        var text = Build(cluster.Name, cluster.Region, cluster.AccountId, result.To, nodes, admins, teams, result.Entries.Select(e => IamPrincipalArn.Parse(e.Entry.PrincipalArn).AccountId));
        var parsed = AccessConfigParser.ParseAndValidate(text, path);
        return parsed.IsValid ? (text, null) : (null, $"the config migrate would write is not valid: {parsed.Diagnostics[0]}");
    }

    private static string Build(
        string name, string region, string account, AuthenticationMode mode, List<AccessEntry> nodes, List<AccessEntry> admins,
        SortedDictionary<string, SortedSet<string>> teams, IEnumerable<string> accounts)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by `eksaccess migrate --write-config`: the access entries that replace aws-auth.");
        text.AppendLine("apiVersion: eksaccess.io/v1alpha1");
        text.AppendLine("kind: AccessConfig");
        text.AppendLine("cluster:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(name)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  region: {Quote(region)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  accountId: {Quote(account)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  authenticationMode: {mode.ToWire()}");
        text.AppendLine("  accessMethod: accessEntries");
        var trusted = accounts.Where(a => !string.Equals(a, account, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (trusted.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  trustedAccountIds: [{string.Join(", ", trusted.Select(Quote))}]");
        }

        if (nodes.Count > 0)
        {
            text.AppendLine("  nodeRoles:");
            foreach (var node in nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    - roleArn: {Quote(node.PrincipalArn)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      type: {node.Type}");
            }
        }

        if (teams.Count > 0)
        {
            text.AppendLine("teams:");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (group, members) in teams)
            {
                var team = TeamName(group, names);
                text.AppendLine(CultureInfo.InvariantCulture, $"  - name: {team}");
                text.AppendLine(CultureInfo.InvariantCulture, $"    kubernetesGroup: {Quote(group)}");
                text.AppendLine("    members:");
                foreach (var member in members)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      - {Quote(member)}");
                }
            }
        }

        text.AppendLine(admins.Count == 0 ? "admins: []" : "admins:");
        foreach (var admin in admins)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - principal: {Quote(admin.PrincipalArn)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    username: {Quote(admin.Username ?? "")}");
        }

        return text.ToString();
    }

    /// <summary>A team name (lower-case letters, digits, '-', '.') for a group, unique within the config.</summary>
    private static string TeamName(string group, HashSet<string> taken)
    {
        var chars = group.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        var name = new string(chars).Trim('-', '.');
        name = name.Length == 0 ? "team" : name;
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name}-{i.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
