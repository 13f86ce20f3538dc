using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Compares immutable arrays by content, and lets a dictionary look them up by a span without allocating.</summary>
internal sealed class SpanContentComparer<T> : IEqualityComparer<ImmutableArray<T>>, IAlternateEqualityComparer<ReadOnlySpan<T>, ImmutableArray<T>>
    where T : IEquatable<T>
{
    public static SpanContentComparer<T> Instance { get; } = new();

    public bool Equals(ImmutableArray<T> x, ImmutableArray<T> y) => x.AsSpan().SequenceEqual(y.AsSpan());

    public int GetHashCode(ImmutableArray<T> obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<T> alternate, ImmutableArray<T> other) => alternate.SequenceEqual(other.AsSpan());

    public int GetHashCode(ReadOnlySpan<T> alternate)
    {
        var hash = default(HashCode);
        foreach (var item in alternate)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public ImmutableArray<T> Create(ReadOnlySpan<T> alternate) => ImmutableArray.Create(alternate);
}
