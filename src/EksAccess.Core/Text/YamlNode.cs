#pragma warning disable MA0048 // A closed hierarchy: the node kinds share the base's file.
namespace EksAccess.Core.Text;

/// <summary>A YAML value to emit with <see cref="YamlEmitter"/>: an ordered mapping, a sequence or a string scalar.</summary>
internal abstract class YamlNode
{
    public static implicit operator YamlNode(string value) => new YamlScalar(value);
}

/// <summary>A string. <see cref="Quoted"/> forces double quotes (Kubernetes quantities); otherwise it is quoted only when plain YAML would misread it.</summary>
internal sealed class YamlScalar(string value, bool quoted = false) : YamlNode
{
    public string Value { get; } = value;
    public bool Quoted { get; } = quoted;
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence()
    {
    }

    public YamlSequence(IEnumerable<YamlNode> items)
    {
        Items.AddRange(items);
    }

    public List<YamlNode> Items { get; } = [];

    public static YamlSequence Of(IEnumerable<string> values) => new(values.Select(v => (YamlNode)new YamlScalar(v)));

    public YamlSequence Add(YamlNode item)
    {
        Items.Add(item);
        return this;
    }
}

/// <summary>A mapping whose keys are emitted in insertion order (the order a person writes them in).</summary>
internal sealed class YamlMapping : YamlNode
{
    public List<KeyValuePair<string, YamlNode>> Entries { get; } = [];

    public YamlMapping Add(string key, YamlNode value)
    {
        Entries.Add(new KeyValuePair<string, YamlNode>(key, value));
        return this;
    }

    /// <summary>Adds <paramref name="key"/> only when the list is not empty (Kubernetes omits empty optional lists).</summary>
    public YamlMapping AddIfAny(string key, IReadOnlyCollection<string> values)
    {
        return values.Count == 0 ? this : Add(key, YamlSequence.Of(values));
    }

    /// <summary>Adds <paramref name="key"/> only when the map is not empty; values are emitted in ordinal key order.</summary>
    public YamlMapping AddIfAny(string key, IReadOnlyDictionary<string, string> values, bool quoteValues = false)
    {
        return values.Count == 0 ? this : Add(key, FromDictionary(values, quoteValues));
    }

    public static YamlMapping FromDictionary(IReadOnlyDictionary<string, string> values, bool quoteValues = false)
    {
        var mapping = new YamlMapping();
        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            mapping.Add(pair.Key, new YamlScalar(pair.Value, quoteValues));
        }

        return mapping;
    }
}
