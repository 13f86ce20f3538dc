using EksAccess.Core.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// Turns the YAML tree into an <see cref="AccessConfig"/>, strictly: unknown keys, wrong types and missing required
/// keys become diagnostics, and reading goes on with defaults or empty placeholders so every error is reported at once.
/// List items are never dropped, so <c>teams[1]</c> in the YAML is <c>Teams[1]</c> in the config.
/// </summary>
internal sealed partial class AccessConfigReader
{
    private static readonly string[] RootKeys = ["apiVersion", "kind", "cluster", "iam", "namespaces", "roles", "clusterRoles", "teams", "admins", "tests", "automation"];
    private static readonly string[] ClusterKeys = ["name", "region", "accountId", "partition", "authenticationMode", "accessMethod", "nodeRoles", "trustedAccountIds", "logging", "maxGrantDuration"];
    private static readonly string[] NodeRoleKeys = ["roleArn", "type"];
    private static readonly string[] IamKeys = ["users", "roles", "groups"];
    private static readonly string[] UserKeys = ["name", "path", "username", "groups", "assumeRoles", "createAccessKey", "maxAccessKeyAge", "policies", "tags"];
    private static readonly string[] RoleKeys = ["name", "path", "username", "trust", "maxSessionDuration", "policies", "tags"];
    private static readonly string[] TrustKeys = ["accounts", "principals", "ssoPermissionSets"];
    private static readonly string[] GroupKeys = ["name", "path", "members", "assumeRoles", "policies"];
    private static readonly string[] PolicyKeys = ["name", "document"];
    private static readonly string[] NamespaceKeys = ["name", "labels", "quota", "limitRange"];
    private static readonly string[] QuotaKeys = ["name", "hard"];
    private static readonly string[] LimitRangeKeys = ["name", "limits"];
    private static readonly string[] LimitKeys = ["type", "default", "defaultRequest", "max", "min"];
    private static readonly string[] RoleTemplateKeys = ["name", "rules"];
    private static readonly string[] RuleKeys = ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"];
    private static readonly string[] ClusterRoleKeys = ["name", "labels", "rules"];
    private static readonly string[] TeamKeys = ["name", "kubernetesGroup", "members", "namespaces", "clusterRoles", "accessPolicies"];
    private static readonly string[] GrantKeys = ["namespace", "role", "expires"];
    private static readonly string[] AccessPolicyKeys = ["policyArn", "accessScope", "expires"];
    private static readonly string[] AccessScopeKeys = ["type", "namespaces"];
    private static readonly string[] AdminKeys = ["principal", "username", "expires"];
    private static readonly string[] MemberKeys = ["name", "expires"];
    private static readonly string[] TestKeys = ["as", "allow", "deny"];

    private static readonly string[] AuthenticationModeValues =
        [AuthenticationModes.ConfigMapValue, AuthenticationModes.ApiAndConfigMapValue, AuthenticationModes.ApiValue];

    private static readonly string[] AccessMethodValues = ["accessEntries", "awsAuth", "both"];

    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<ConfigMapping> _placeholders = new(ReferenceEqualityComparer.Instance);

    public AccessConfigReader(string path, List<Diagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    public AccessConfig? ReadRoot(ConfigNode? root)
    {
        if (root is null || (root is ConfigScalar { IsNull: true }))
        {
            _diagnostics.Add(new Diagnostic(
                new SourceLocation(_path, 1, 1),
                "the access config is empty",
                $"start with 'apiVersion: {AccessConfig.ApiVersionValue}', 'kind: {AccessConfig.KindValue}' and a 'cluster:' section"));
            return null;
        }

        if (root is not ConfigMapping map)
        {
            _diagnostics.Add(new Diagnostic(
                root.Location,
                $"an access config must be a YAML mapping, not {root.KindName}",
                $"start with 'apiVersion: {AccessConfig.ApiVersionValue}' at the beginning of a line"));
            return null;
        }

        CheckKeys(map, RootKeys);
        ReadHeader(map);
        var cluster = ReadCluster(map);
        return new AccessConfig
        {
            SourceFile = _path,
            Cluster = cluster,
            Iam = ReadIam(map["iam"]),
            Namespaces = ReadList(map, "namespaces", "namespaces", ReadNamespace),
            Roles = ReadList(map, "roles", "roles", (node, path) => ReadRoleTemplate(node, path)),
            ClusterRoles = ReadList(map, "clusterRoles", "clusterRoles", ReadClusterRole),
            Teams = ReadList(map, "teams", "teams", ReadTeam),
            Admins = ReadList(map, "admins", "admins", ReadAdmin),
            Tests = ReadList(map, "tests", "tests", ReadTest),
            Automation = ReadAutomation(map["automation"]),
        };
    }

    private void ReadHeader(ConfigMapping map)
    {
        var apiVersion = map["apiVersion"];
        if (apiVersion is null)
        {
            Report(map.Location, "missing required key 'apiVersion'", $"add 'apiVersion: {AccessConfig.ApiVersionValue}' as the first line");
        }
        else if (Scalar(apiVersion, "apiVersion") is { } value && !string.Equals(value, AccessConfig.ApiVersionValue, StringComparison.Ordinal))
        {
            Report(apiVersion.Location, $"unsupported apiVersion '{value}'", $"use 'apiVersion: {AccessConfig.ApiVersionValue}'");
        }

        var kind = map["kind"];
        if (kind is null)
        {
            Report(map.Location, "missing required key 'kind'", $"add 'kind: {AccessConfig.KindValue}'");
        }
        else if (Scalar(kind, "kind") is { } value && !string.Equals(value, AccessConfig.KindValue, StringComparison.Ordinal))
        {
            Report(kind.Location, $"unsupported kind '{value}'", $"use 'kind: {AccessConfig.KindValue}'");
        }
    }

    private ClusterConfig ReadCluster(ConfigMapping root)
    {
        var node = root["cluster"];
        if (node is null)
        {
            Report(root.Location, "missing required key 'cluster'", "add a 'cluster:' section with name, region and accountId");
        }

        var map = Mapping(node, "cluster") ?? Placeholder(node?.Location ?? root.Location);
        CheckKeys(map, ClusterKeys);
        var name = RequiredString(map, "name", "cluster");
        var region = RequiredString(map, "region", "cluster");
        var partition = OptionalString(map, "partition") ?? AwsPartitions.ForRegion(region);
        return new ClusterConfig
        {
            Name = name,
            Region = region,
            AccountId = ReadAccountIdField(map, "accountId", "cluster"),
            Partition = partition,
            AuthenticationMode = ReadAuthenticationMode(map),
            AccessMethod = ReadAccessMethod(map),
            NodeRoles = ReadList(map, "nodeRoles", "cluster.nodeRoles", ReadNodeRole),
            TrustedAccountIds = ReadAccountIdList(map, "trustedAccountIds"),
            ControlPlaneLogging = map["logging"] is null ? null : StringList(map, "logging"),
            MaxGrantDuration = Duration(map, "maxGrantDuration"),
            Location = map.Location,
        };
    }

    private AuthenticationMode ReadAuthenticationMode(ConfigMapping map)
    {
        var node = map["authenticationMode"];
        var value = Scalar(node, "authenticationMode");
        if (value is null)
        {
            return AuthenticationMode.ApiAndConfigMap;
        }

        if (AuthenticationModes.TryParse(value, out var mode))
        {
            return mode.Value;
        }

        Report(node!.Location, $"unknown authenticationMode '{value}'", Suggest(value, AuthenticationModeValues, "use one of"));
        return AuthenticationMode.ApiAndConfigMap;
    }

    private AccessMethod ReadAccessMethod(ConfigMapping map)
    {
        var node = map["accessMethod"];
        var value = Scalar(node, "accessMethod");
        switch (value)
        {
            case null or "accessEntries":
                return AccessMethod.AccessEntries;
            case "awsAuth":
                return AccessMethod.AwsAuth;
            case "both":
                return AccessMethod.Both;
            default:
                Report(node!.Location, $"unknown accessMethod '{value}'", Suggest(value, AccessMethodValues, "use one of"));
                return AccessMethod.AccessEntries;
        }
    }

    private NodeRoleConfig ReadNodeRole(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, NodeRoleKeys);
        return new NodeRoleConfig(RequiredString(map, "roleArn", path), OptionalString(map, "type") ?? "EC2_LINUX")
        {
            Location = map.Location,
        };
    }

    /// <summary>IAM refuses a policy with a key given twice; JSON readers disagree on which one wins, so it is an error.</summary>
    private static readonly JsonDocumentOptions PolicyJsonOptions = new() { AllowDuplicateProperties = false };

    /// <summary>Team members: a name or ARN, or <c>{name, expires}</c> for a member whose access ends.</summary>
    private (ImmutableArray<string> Members, ImmutableDictionary<string, ExpiryConfig> Expiries) ReadMembers(ConfigMapping map)
    {
        var expiries = ImmutableDictionary.CreateBuilder<string, ExpiryConfig>(StringComparer.Ordinal);
        if (Sequence(map["members"], "members") is not { } sequence)
        {
            return ([], expiries.ToImmutable());
        }

        var members = ImmutableArray.CreateBuilder<string>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            if (item is ConfigMapping member)
            {
                CheckKeys(member, MemberKeys);
                var name = RequiredString(member, "name", "members");
                members.Add(name);
                if (ReadExpires(member) is { } expiry)
                {
                    // The same member listed twice: the later expiry wins, as validation's duplicate check reports.
                    expiries[name] = expiry;
                }

                continue;
            }

            members.Add(item is ConfigScalar { IsNull: false } scalar
                ? scalar.Value
                : ReportMember(item));
        }

        return (members.MoveToImmutable(), expiries.ToImmutable());
    }

    private string ReadAccountIdField(ConfigMapping map, string key, string path)
    {
        var node = map[key];
        if (node is null)
        {
            if (!_placeholders.Contains(map))
            {
                Report(map.Location, $"missing required key '{key}' in {path}", $"add '{key}: \"111122223333\"' (the 12-digit AWS account ID, quoted)");
            }

            return "";
        }

        return ReadAccountId(node, key) ?? "";
    }

    private ImmutableArray<string> ReadAccountIdList(ConfigMapping map, string key)
    {
        if (Sequence(map[key], key) is not { } sequence)
        {
            return [];
        }

        return [.. sequence.Items.Select(item => ReadAccountId(item, key) ?? "")];
    }

    /// <summary>An account ID: a quoted string, or a plain YAML integer of exactly 12 digits with no leading zero.</summary>
    private string? ReadAccountId(ConfigNode node, string key)
    {
        if (node is not ConfigScalar scalar || scalar.IsNull)
        {
            Report(node.Location, $"'{key}' must be a 12-digit account ID, not {node.KindName}", "write the account ID in quotes, e.g. \"111122223333\"");
            return null;
        }

        if (scalar.IsPlain && DigitsPattern().IsMatch(scalar.Value))
        {
            if (scalar.Value.Length < 12)
            {
                Report(
                    scalar.Location,
                    $"account ID {scalar.Value} has {scalar.Value.Length} digits: YAML reads it as a number, and a number loses leading zeros",
                    $"quote it: \"{scalar.Value.PadLeft(12, '0')}\" if leading zeros were lost");
                return scalar.Value;
            }

            if (scalar.Value[0] == '0')
            {
                Report(
                    scalar.Location,
                    $"account ID {scalar.Value} is a YAML number, which loses its leading zero",
                    $"quote it: \"{scalar.Value}\"");
                return scalar.Value;
            }
        }

        return scalar.Value;
    }

    // ---- generic readers ----

    private ImmutableArray<T> ReadList<T>(ConfigMapping map, string key, string path, Func<ConfigNode, string, T> readItem)
    {
        if (Sequence(map[key], key) is not { } sequence)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>(sequence.Items.Length);
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            items.Add(readItem(sequence.Items[i], $"{path}[{i}]"));
        }

        return items.MoveToImmutable();
    }

    /// <summary>A list item that must be a mapping; anything else is reported and read as an empty placeholder.</summary>
    private ConfigMapping ItemMapping(ConfigNode node, string path)
    {
        if (node is ConfigMapping map)
        {
            return map;
        }

        Report(node.Location, $"each item of {ListName(path)} must be a mapping, not {node.KindName}", "write the item's keys after '- ', e.g. '- name: x'");
        return Placeholder(node.Location);
    }

    private ConfigMapping Placeholder(SourceLocation location)
    {
        var placeholder = new ConfigMapping(location, []);
        _placeholders.Add(placeholder);
        return placeholder;
    }

    private ConfigMapping? Mapping(ConfigNode? node, string key)
    {
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return null;
            case ConfigMapping map:
                return map;
            default:
                Report(node.Location, $"'{key}' must be a mapping, not {node.KindName}", $"write its keys indented on the lines under '{key}:'");
                return null;
        }
    }

    private ConfigSequence? Sequence(ConfigNode? node, string key)
    {
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return null;
            case ConfigSequence sequence:
                return sequence;
            default:
                Report(node.Location, $"'{key}' must be a list, not {node.KindName}", $"write '{key}: [a, b]' or one '- item' per line under '{key}:'");
                return null;
        }
    }

    /// <summary>A scalar's text, or null when absent or YAML null; a collection is reported.</summary>
    private string? Scalar(ConfigNode? node, string key)
    {
        switch (node)
        {
            case null:
                return null;
            case ConfigScalar scalar:
                return scalar.IsNull ? null : scalar.Value;
            default:
                Report(node.Location, $"'{key}' must be a string, not {node.KindName}", $"write one value after '{key}:' (quote it if it contains ': ' or starts with '[' or '{{')");
                return null;
        }
    }

    private string? OptionalString(ConfigMapping map, string key) => Scalar(map[key], key);

    private string RequiredString(ConfigMapping map, string key, string path)
    {
        var node = map[key];
        if (node is null)
        {
            if (!_placeholders.Contains(map))
            {
                Report(map.Location, $"missing required key '{key}' in {path}", $"add '{key}: …'");
            }

            return "";
        }

        if (node is ConfigScalar { IsNull: true })
        {
            Report(node.Location, $"'{key}' has no value in {path}", $"write a value after '{key}:'");
            return "";
        }

        return Scalar(node, key) ?? "";
    }

    private string? ItemString(ConfigNode item, string key)
    {
        if (item is ConfigScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Report(item.Location, $"each item of '{key}' must be a string, not {item.KindName}", "write one value per '- ' item (quote it if it contains ': ')");
        return null;
    }

    private ImmutableArray<string> StringList(ConfigMapping map, string key)
    {
        if (Sequence(map[key], key) is not { } sequence)
        {
            return [];
        }

        return [.. sequence.Items.Select(item => ItemString(item, key) ?? "")];
    }

    private ImmutableSortedDictionary<string, string> StringMap(ConfigMapping map, string key)
    {
        if (Mapping(map[key], key) is not { } mapping)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ConfigScalar { IsNull: false } scalar)
            {
                builder[entry.Key.Value] = scalar.Value;
            }
            else
            {
                Report(entry.Value.Location, $"the value of '{entry.Key.Value}' in '{key}' must be a string, not {entry.Value.KindName}", $"write '{entry.Key.Value}: \"value\"'");
            }
        }

        return builder.ToImmutable();
    }

    private bool Boolean(ConfigMapping map, string key)
    {
        var node = map[key];
        if (node is null or ConfigScalar { IsNull: true })
        {
            return false;
        }

        if (node is ConfigScalar { IsPlain: true } scalar && TryBoolean(scalar.Value, out var value))
        {
            return value;
        }

        var got = node is ConfigScalar quoted ? $"\"{quoted.Value}\"" : node.KindName;
        Report(node.Location, $"'{key}' must be true or false, not {got}", $"write '{key}: true' or '{key}: false', without quotes");
        return false;
    }

    private int Integer(ConfigMapping map, string key, int defaultValue)
    {
        var node = map[key];
        if (node is null or ConfigScalar { IsNull: true })
        {
            return defaultValue;
        }

        if (node is ConfigScalar { IsPlain: true } scalar && IntegerPattern().IsMatch(scalar.Value)
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var got = node is ConfigScalar text ? $"'{text.Value}'" : node.KindName;
        Report(node.Location, $"'{key}' must be a whole number, not {got}", $"write a number of seconds without quotes, e.g. '{key}: 3600'");
        return defaultValue;
    }

    private static bool TryBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private void CheckKeys(ConfigMapping map, string[] known)
    {
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Report(
                    entry.Key.Location,
                    $"unknown key '{key}'",
                    Spelling.DidYouMean(key, known) ?? $"the keys allowed here are {string.Join(", ", known)}");
            }
        }
    }

    private static string Suggest(string value, string[] allowed, string lead)
    {
        var list = string.Join(", ", allowed);
        return Spelling.DidYouMean(value, allowed) is { } didYouMean ? $"{didYouMean} ({lead} {list})" : $"{lead} {list}";
    }

    private static string ListName(string path)
    {
        var bracket = path.LastIndexOf('[');
        return bracket > 0 ? $"'{path[..bracket]}'" : $"'{path}'";
    }

    private void Report(SourceLocation location, string message, string hint) => _diagnostics.Add(new Diagnostic(location, message, hint));

    [GeneratedRegex("^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FloatPattern();
}
