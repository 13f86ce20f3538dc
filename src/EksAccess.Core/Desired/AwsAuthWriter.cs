using EksAccess.Core.Identity;
using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Text;

namespace EksAccess.Core.Desired;

/// <summary>
/// Writes the kube-system/aws-auth ConfigMap the config wants: <c>mapRoles</c> (node roles first, then the mapped roles
/// in config order) and <c>mapUsers</c> (in config order), one entry per principal, as the YAML text eksctl and the
/// walk-throughs write (<c>- rolearn: …\n  username: …\n  groups:\n  - …</c>). Role ARNs lose their path.
/// </summary>
public static class AwsAuthWriter
{
    public const string ConfigMapNamespace = AwsAuthNames.ConfigMapNamespace;
    public const string ConfigMapName = AwsAuthNames.ConfigMapName;
    public const string MapRolesKey = AwsAuthNames.MapRoles;
    public const string MapUsersKey = AwsAuthNames.MapUsers;

    /// <summary>The ConfigMap; a section with no entries is left out.</summary>
    public static ConfigMapObject Write(AccessConfig config, IEnumerable<DesiredPrincipal> principals)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(principals);
        var roles = new List<Entry>();
        var users = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in config.Cluster.NodeRoles)
        {
            var arn = PrincipalResolver.AwsAuthArn(node.RoleArn);
            if (seen.Add(arn))
            {
                roles.Add(NodeEntry(arn, node.Type));
            }
        }

        var list = principals.ToList();
        foreach (var principal in list.Where(p => p.Kind == IamPrincipalKind.Role))
        {
            // The authenticator keys roles by lowercased ARN: a second entry for the same role would silently win.
            if (seen.Add(principal.AwsAuthArn))
            {
                roles.Add(new Entry(principal.AwsAuthArn, principal.AwsAuthUsername, principal.AwsAuthGroups));
            }
        }

        foreach (var principal in list.Where(p => p.Kind == IamPrincipalKind.User))
        {
            if (seen.Add(principal.AwsAuthArn))
            {
                users.Add(new Entry(principal.AwsAuthArn, principal.AwsAuthUsername, principal.AwsAuthGroups));
            }
        }

        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (roles.Count > 0)
        {
            data[MapRolesKey] = Section(roles, "rolearn");
        }

        if (users.Count > 0)
        {
            data[MapUsersKey] = Section(users, "userarn");
        }

        return new ConfigMapObject(ConfigMapNamespace, ConfigMapName, data.ToImmutable()) { Source = config.SourceFile };
    }

    private static Entry NodeEntry(string arn, string type) => type switch
    {
        "EC2_WINDOWS" => new Entry(arn, "system:node:{{EC2PrivateDNSName}}", ["eks:kube-proxy-windows", "system:bootstrappers", "system:nodes"]),
        "FARGATE_LINUX" => new Entry(arn, "system:node:{{SessionName}}", ["system:bootstrappers", "system:nodes", "system:node-proxier"]),
        "HYBRID_LINUX" => new Entry(arn, "system:node:{{SessionName}}", ["system:bootstrappers", "system:nodes"]),
        _ => new Entry(arn, "system:node:{{EC2PrivateDNSName}}", ["system:bootstrappers", "system:nodes"]),
    };

    private static string Section(List<Entry> entries, string arnKey)
    {
        var sequence = new YamlSequence();
        foreach (var entry in entries)
        {
            sequence.Add(new YamlMapping()
                .Add(arnKey, entry.Arn)
                .Add("username", entry.Username)
                .Add("groups", YamlSequence.Of(entry.Groups)));
        }

        return YamlEmitter.Emit(sequence);
    }

    private sealed record Entry(string Arn, string Username, ImmutableArray<string> Groups);
}
