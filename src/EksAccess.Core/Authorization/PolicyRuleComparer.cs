using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Structural equality of two rules the way the aggregation controller compares them (apimachinery's semantic
/// DeepEqual): the same five lists with the same entries in the same order. Default and empty lists are equal.
/// </summary>
internal sealed class PolicyRuleComparer : IEqualityComparer<PolicyRule>
{
    public static PolicyRuleComparer Instance { get; } = new();

    public bool Equals(PolicyRule? x, PolicyRule? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return ListEquals(x.Verbs, y.Verbs)
            && ListEquals(x.ApiGroups, y.ApiGroups)
            && ListEquals(x.Resources, y.Resources)
            && ListEquals(x.ResourceNames, y.ResourceNames)
            && ListEquals(x.NonResourceUrls, y.NonResourceUrls);
    }

    public int GetHashCode(PolicyRule obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        Add(ref hash, obj.Verbs);
        Add(ref hash, obj.ApiGroups);
        Add(ref hash, obj.Resources);
        Add(ref hash, obj.ResourceNames);
        Add(ref hash, obj.NonResourceUrls);
        return hash.ToHashCode();
    }

    private static bool ListEquals(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        var left = a.IsDefault ? [] : a;
        var right = b.IsDefault ? [] : b;
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i], right[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(ref HashCode hash, ImmutableArray<string> list)
    {
        if (list.IsDefault)
        {
            hash.Add(0);
            return;
        }

        hash.Add(list.Length);
        foreach (var item in list)
        {
            hash.Add(item, StringComparer.Ordinal);
        }
    }
}
