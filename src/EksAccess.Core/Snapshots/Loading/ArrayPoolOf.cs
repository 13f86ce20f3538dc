using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Keeps one immutable array per distinct content; looked up by span so a hit allocates nothing.</summary>
internal sealed class ArrayPoolOf<T>
    where T : IEquatable<T>
{
    private readonly Dictionary<ImmutableArray<T>, ImmutableArray<T>> _arrays = new(SpanContentComparer<T>.Instance);

    public ImmutableArray<T> Get(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty)
        {
            return [];
        }

        var lookup = _arrays.GetAlternateLookup<ReadOnlySpan<T>>();
        if (lookup.TryGetValue(values, out var existing))
        {
            return existing;
        }

        var created = ImmutableArray.Create(values);
        _arrays.Add(created, created);
        return created;
    }
}
