using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Objects of one kind in the order first seen; a second object with the same key replaces the first, with a warning.</summary>
internal sealed class KeyedList<TKey, TValue>
    where TKey : notnull
{
    private readonly List<TValue> _items = [];
    private readonly Dictionary<TKey, (int Index, string Source)> _index;

    public KeyedList(IEqualityComparer<TKey>? comparer = null)
    {
        _index = new Dictionary<TKey, (int Index, string Source)>(comparer);
    }

    /// <summary>Adds or replaces; returns where the earlier object was read when this one replaced it.</summary>
    public string? Add(TKey key, TValue value, string source)
    {
        if (_index.TryGetValue(key, out var existing))
        {
            _items[existing.Index] = value;
            _index[key] = (existing.Index, source);
            return existing.Source;
        }

        _index.Add(key, (_items.Count, source));
        _items.Add(value);
        return null;
    }

    public ImmutableArray<TValue> ToImmutableArray() => [.. _items];
}
