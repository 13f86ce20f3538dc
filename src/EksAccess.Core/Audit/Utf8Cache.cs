using System.Buffers.Binary;
using System.Numerics;

namespace EksAccess.Core.Audit;

/// <summary>
/// Values keyed by their UTF-8 bytes: an audit log repeats few usernames, ARNs, reasons, verbs, resources, group lists
/// and user agents millions of times, so the bytes are looked up before anything is allocated. Bounded (a full table
/// stops adding instead of growing; keys over 256 bytes are not kept), not thread-safe: one per <see cref="AuditLine"/>.
/// </summary>
internal sealed class Utf8Cache<T>
{
    private const int MaxLength = 256;
    private const int Slots = 1 << 14;
    private const int MaxEntries = Slots / 2;

    private readonly Entry[] _slots = new Entry[Slots];
    private int _count;

    public bool TryGet(ReadOnlySpan<byte> key, out int hash, out T value)
    {
        hash = Hash(key);
        if (key.Length <= MaxLength)
        {
            for (var index = hash & (Slots - 1); _slots[index].Key is { } stored; index = (index + 1) & (Slots - 1))
            {
                if (_slots[index].Hash == hash && key.SequenceEqual(stored))
                {
                    value = _slots[index].Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> (not yet present; <paramref name="hash"/> from <see cref="TryGet"/>) while there is room.</summary>
    public void Add(ReadOnlySpan<byte> key, int hash, T value)
    {
        if (key.Length > MaxLength || _count >= MaxEntries)
        {
            return;
        }

        var index = hash & (Slots - 1);
        while (_slots[index].Key is not null)
        {
            index = (index + 1) & (Slots - 1);
        }

        _slots[index] = new Entry(hash, key.ToArray(), value);
        _count++;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 31);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 29;
        return (int)((hash * 0xFF51AFD7ED558CCDUL) >> 32);
    }

    private readonly record struct Entry(int Hash, byte[]? Key, T Value);
}
