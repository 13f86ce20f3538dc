using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigReader
{
    private TeamConfig ReadTeam(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, TeamKeys);
        var name = RequiredString(map, "name", path);
        var (members, expiries) = ReadMembers(map);
        return new TeamConfig
        {
            Name = name,
            KubernetesGroup = OptionalString(map, "kubernetesGroup") ?? name,
            Members = members,
            MemberExpiries = expiries,
            Namespaces = ReadList(map, "namespaces", path + ".namespaces", ReadGrant),
            ClusterRoles = StringList(map, "clusterRoles"),
            AccessPolicies = ReadList(map, "accessPolicies", path + ".accessPolicies", ReadAccessPolicy),
            Location = map.Location,
        };
    }

    private TeamNamespaceGrant ReadGrant(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, GrantKeys);
        return new TeamNamespaceGrant(RequiredString(map, "namespace", path), RequiredString(map, "role", path))
        {
            Expires = ReadExpires(map),
            Location = map.Location,
        };
    }

    private AccessPolicyConfig ReadAccessPolicy(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, AccessPolicyKeys);
        var policyArn = RequiredString(map, "policyArn", path);
        var scopeNode = map["accessScope"];
        AccessScope scope;
        if (scopeNode is null)
        {
            if (!_placeholders.Contains(map))
            {
                Report(map.Location, $"missing required key 'accessScope' in {path}", "add 'accessScope: {type: cluster}' or 'accessScope: {type: namespace, namespaces: [NAME]}'");
            }

            scope = AccessScope.Cluster;
        }
        else
        {
            var scopeMap = Mapping(scopeNode, "accessScope") ?? Placeholder(scopeNode.Location);
            CheckKeys(scopeMap, AccessScopeKeys);
            scope = new AccessScope(RequiredString(scopeMap, "type", path + ".accessScope"), StringList(scopeMap, "namespaces"));
        }

        return new AccessPolicyConfig(policyArn, scope) { Expires = ReadExpires(map), Location = map.Location };
    }

    private AdminConfig ReadAdmin(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, AdminKeys);
        return new AdminConfig(RequiredString(map, "principal", path))
        {
            Username = OptionalString(map, "username"),
            Expires = ReadExpires(map),
            Location = map.Location,
        };
    }

    private string ReportMember(ConfigNode item)
    {
        Report(item.Location, $"each item of 'members' must be a name, an ARN or {{name, expires}}, not {item.KindName}", "write '- dev-john' or '- {name: dev-john, expires: \"2026-12-31T18:00:00Z\"}'");
        return "";
    }

    /// <summary>An RFC 3339 <c>expires:</c> with an explicit offset; anything else is reported.</summary>
    private ExpiryConfig? ReadExpires(ConfigMapping map)
    {
        var node = map["expires"];
        var text = Scalar(node, "expires");
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var at))
        {
            return new ExpiryConfig(at, node!.Location);
        }

        Report(node!.Location, $"'expires' must be an RFC 3339 time with an offset, not '{text}'", "write e.g. 'expires: \"2026-12-31T18:00:00Z\"' (UTC) or '2026-12-31T19:00:00+01:00'");
        return null;
    }

    private TimeSpan? Duration(ConfigMapping map, string key)
    {
        var node = map[key];
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        Report(node!.Location, $"'{key}' must be a duration, not '{text}'", $"write a number and a unit (d, h, m, s), e.g. '{key}: 90d' or '12h'");
        return null;
    }

    private TestConfig ReadTest(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, TestKeys);
        return new TestConfig(RequiredString(map, "as", path), ReadChecks(map, "allow"), ReadChecks(map, "deny")) { Location = map.Location };
    }

    private ImmutableArray<TestCheck> ReadChecks(ConfigMapping map, string key)
    {
        var node = map[key];
        if (Sequence(node, key) is not { } sequence)
        {
            return [];
        }

        var checks = ImmutableArray.CreateBuilder<TestCheck>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            checks.Add(new TestCheck(ItemString(item, key) ?? "") { Location = item.Location });
        }

        return checks.MoveToImmutable();
    }

}
