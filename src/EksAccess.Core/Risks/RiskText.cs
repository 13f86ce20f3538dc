using EksAccess.Core.Authorization;

namespace EksAccess.Core.Risks;

/// <summary>Short human forms of the things a chain names.</summary>
internal static class RiskText
{
    /// <summary><c>apiGroups ["", apps] resources [*] verbs [get, list]</c>, names and URLs when present.</summary>
    public static string Describe(PolicyRule rule)
    {
        var parts = new List<string>();
        if (rule.NonResourceUrls.Length > 0)
        {
            parts.Add($"nonResourceURLs [{string.Join(", ", rule.NonResourceUrls)}]");
        }
        else
        {
            parts.Add($"apiGroups [{string.Join(", ", rule.ApiGroups.Select(g => g.Length == 0 ? "\"\"" : g))}]");
            parts.Add($"resources [{string.Join(", ", rule.Resources)}]");
        }

        if (rule.ResourceNames.Length > 0)
        {
            parts.Add($"resourceNames [{string.Join(", ", rule.ResourceNames)}]");
        }

        parts.Add($"verbs [{string.Join(", ", rule.Verbs)}]");
        return string.Join(' ', parts);
    }
}
