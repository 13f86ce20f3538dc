using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigReader
{
    private NamespaceConfig ReadNamespace(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, NamespaceKeys);
        return new NamespaceConfig
        {
            Name = RequiredString(map, "name", path),
            Labels = StringMap(map, "labels"),
            Quota = ReadQuota(map["quota"]),
            LimitRange = ReadLimitRange(map["limitRange"], path + ".limitRange"),
            Location = map.Location,
        };
    }

    private ResourceQuotaConfig? ReadQuota(ConfigNode? node)
    {
        var map = Mapping(node, "quota");
        if (map is null)
        {
            return null;
        }

        CheckKeys(map, QuotaKeys);
        return new ResourceQuotaConfig(OptionalString(map, "name"), StringMap(map, "hard")) { Location = map.Location };
    }

    private LimitRangeConfig? ReadLimitRange(ConfigNode? node, string path)
    {
        var map = Mapping(node, "limitRange");
        if (map is null)
        {
            return null;
        }

        CheckKeys(map, LimitRangeKeys);
        return new LimitRangeConfig(OptionalString(map, "name"), ReadList(map, "limits", path + ".limits", ReadLimit)) { Location = map.Location };
    }

    private LimitRangeItem ReadLimit(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, LimitKeys);
        return new LimitRangeItem(
            RequiredString(map, "type", path),
            StringMap(map, "default"),
            StringMap(map, "defaultRequest"),
            StringMap(map, "max"),
            StringMap(map, "min"));
    }

    private RoleTemplateConfig ReadRoleTemplate(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, RoleTemplateKeys);
        return new RoleTemplateConfig(RequiredString(map, "name", path), ReadList(map, "rules", path + ".rules", ReadRule)) { Location = map.Location };
    }

    private ClusterRoleConfig ReadClusterRole(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, ClusterRoleKeys);
        return new ClusterRoleConfig(RequiredString(map, "name", path), ReadList(map, "rules", path + ".rules", ReadRule))
        {
            Labels = StringMap(map, "labels"),
            Location = map.Location,
        };
    }

    private PolicyRule ReadRule(ConfigNode node, string path)
    {
        var map = ItemMapping(node, path);
        CheckKeys(map, RuleKeys);
        return new PolicyRule(
            StringList(map, "verbs"),
            StringList(map, "apiGroups"),
            StringList(map, "resources"),
            StringList(map, "resourceNames"),
            StringList(map, "nonResourceURLs"));
    }
}
