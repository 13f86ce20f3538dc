using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigReader
{
    private IamConfig ReadIam(ConfigNode? node)
    {
        var map = Mapping(node, "iam");
        if (map is null)
        {
            return new IamConfig();
        }

        CheckKeys(map, IamKeys);
        return new IamConfig
        {
            Users = ReadList(map, "users", "iam.users", ReadUser),
            Roles = ReadList(map, "roles", "iam.roles", ReadRole),
            Groups = ReadList(map, "groups", "iam.groups", ReadGroup),
        };
    }

    private IamUserConfig ReadUser(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, UserKeys);
        return new IamUserConfig
        {
            Name = RequiredString(map, "name", path),
            Path = OptionalString(map, "path") ?? "/",
            Username = OptionalString(map, "username"),
            Groups = StringList(map, "groups"),
            AssumeRoles = StringList(map, "assumeRoles"),
            CreateAccessKey = Boolean(map, "createAccessKey"),
            MaxAccessKeyAge = Duration(map, "maxAccessKeyAge"),
            Policies = ReadList(map, "policies", path + ".policies", ReadInlinePolicy),
            Tags = StringMap(map, "tags"),
            Location = map.Location,
        };
    }

    private IamRoleConfig ReadRole(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, RoleKeys);
        return new IamRoleConfig
        {
            Name = RequiredString(map, "name", path),
            Path = OptionalString(map, "path") ?? "/",
            Username = OptionalString(map, "username"),
            Trust = ReadTrust(map["trust"]),
            MaxSessionDuration = Integer(map, "maxSessionDuration", 3600),
            Policies = ReadList(map, "policies", path + ".policies", ReadInlinePolicy),
            Tags = StringMap(map, "tags"),
            Location = map.Location,
        };
    }

    private RoleTrustConfig ReadTrust(ConfigNode? node)
    {
        var map = Mapping(node, "trust");
        if (map is null)
        {
            return new RoleTrustConfig { Location = node?.Location ?? default };
        }

        CheckKeys(map, TrustKeys);
        return new RoleTrustConfig
        {
            Accounts = ReadAccountIdList(map, "accounts"),
            Principals = StringList(map, "principals"),
            SsoPermissionSets = StringList(map, "ssoPermissionSets"),
            Location = map.Location,
        };
    }

    private IamGroupConfig ReadGroup(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, GroupKeys);
        return new IamGroupConfig
        {
            Name = RequiredString(map, "name", path),
            Path = OptionalString(map, "path") ?? "/",
            Members = StringList(map, "members"),
            AssumeRoles = StringList(map, "assumeRoles"),
            Policies = ReadList(map, "policies", path + ".policies", ReadInlinePolicy),
            Location = map.Location,
        };
    }

    private InlinePolicyConfig ReadInlinePolicy(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, PolicyKeys);
        var name = RequiredString(map, "name", path);
        var documentNode = map["document"];
        JsonObject document;
        if (documentNode is null)
        {
            if (!_placeholders.Contains(map))
            {
                Report(map.Location, $"missing required key 'document' in {path}", "add 'document:' with the IAM policy (Version and Statement) as YAML or a JSON string");
            }

            document = [];
        }
        else
        {
            document = ReadPolicyDocument(documentNode);
        }

        return new InlinePolicyConfig(name, document) { Location = map.Location };
    }

    private JsonObject ReadPolicyDocument(ConfigNode node)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                return (JsonObject)ToJson(mapping)!;
            case ConfigScalar { IsNull: false } scalar:
                try
                {
                    if (JsonNode.Parse(scalar.Value, documentOptions: PolicyJsonOptions) is JsonObject parsed)
                    {
                        return parsed;
                    }
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
                {
                    Report(scalar.Location, $"the policy document is not valid JSON: {ex.Message.TrimEnd('.')}", "write the document as YAML keys under 'document:', or fix the JSON");
                    return [];
                }

                Report(scalar.Location, "the policy document must be a JSON object", "write the document as YAML keys under 'document:' (Version, Statement)");
                return [];
            default:
                Report(node.Location, $"'document' must be a mapping or a JSON string, not {node.KindName}", "write the document as YAML keys under 'document:' (Version, Statement)");
                return [];
        }
    }

    private static JsonNode? ToJson(ConfigNode node)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.Key.Value] = ToJson(entry.Value);
                }

                return obj;
            case ConfigSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case ConfigScalar scalar:
                if (!scalar.IsPlain)
                {
                    return JsonValue.Create(scalar.Value);
                }

                if (scalar.IsNull)
                {
                    return null;
                }

                if (TryBoolean(scalar.Value, out var boolean))
                {
                    return JsonValue.Create(boolean);
                }

                if (IntegerPattern().IsMatch(scalar.Value) && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                if (FloatPattern().IsMatch(scalar.Value) && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                {
                    return JsonValue.Create(real);
                }

                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }
}
