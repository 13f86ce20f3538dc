using System.Collections.Immutable;

namespace EksAccess.Core.Config;

/// <summary>The <c>automation:</c> section (<see cref="AutomationConfig"/>); every name is checked where it is written.</summary>
internal sealed partial class AccessConfigReader
{
    private static readonly string[] AutomationKeys = ["namespace", "serviceAccount", "roleName", "commands"];

    private AutomationConfig? ReadAutomation(ConfigNode? node)
    {
        var map = Mapping(node, "automation");
        if (map is null)
        {
            return null;
        }

        CheckKeys(map, AutomationKeys);
        return new AutomationConfig
        {
            Namespace = AutomationName(map, "namespace", AutomationConfig.DefaultNamespace, ConfigNames.IsDnsLabel, "a namespace: at most 63 of a-z, 0-9 and '-', starting and ending with a letter or digit"),
            ServiceAccount = AutomationName(map, "serviceAccount", AutomationConfig.DefaultServiceAccount, ConfigNames.IsDnsSubdomain, "a ServiceAccount name: lower-case letters, digits, '-' and '.', at most 253"),
            RoleName = AutomationName(map, "roleName", AutomationConfig.DefaultRoleName, v => ConfigNames.IsIamName(v, 64), "an IAM role name: 1 to 64 of A-Z, a-z, 0-9 and +=,.@_-"),
            Commands = ReadAutomationCommands(map),
            Location = map.Location,
        };
    }

    private string AutomationName(ConfigMapping map, string key, string defaultValue, Func<string, bool> isValid, string expected)
    {
        var value = OptionalString(map, key);
        if (value is null)
        {
            return defaultValue;
        }

        if (!isValid(value))
        {
            Report(map[key]!.Location, $"automation.{key} '{value}' is not {expected}", $"write e.g. '{key}: {defaultValue}'");
        }

        return value;
    }

    private ImmutableArray<string> ReadAutomationCommands(ConfigMapping map)
    {
        if (map["commands"] is null)
        {
            return AutomationCommands.All;
        }

        var allowed = AutomationCommands.All.ToArray();
        var commands = new List<string>();
        var items = Sequence(map["commands"], "commands")?.Items ?? [];
        foreach (var item in items)
        {
            var value = ItemString(item, "commands");
            if (value is null)
            {
                continue;
            }

            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                Report(item.Location, $"unknown automation command '{value}'", Suggest(value, allowed, "use one of"));
            }
            else if (commands.Contains(value, StringComparer.Ordinal))
            {
                Report(item.Location, $"automation command '{value}' is listed twice", "list each command once");
            }
            else
            {
                commands.Add(value);
            }
        }

        if (items.Length == 0 && Sequence(map["commands"], "commands") is not null)
        {
            Report(map["commands"]!.Location, "automation.commands is empty: the job would run nothing", $"list what it runs, e.g. 'commands: [{string.Join(", ", allowed)}]', or remove the automation section");
        }

        return [.. commands];
    }
}
