using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace EksAccess.Core.Audit;

/// <summary>
/// Interns short UTF-8 values by their bytes: an audit log repeats few usernames, ARNs, reasons, verbs, resources and
/// user agents millions of times, so a value is compared against the table before a string is allocated. Bounded (a
/// full table allocates instead of growing), not thread-safe: one per <see cref="AuditLine"/>.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaxLength = 256;
    private const int Slots = 1 << 15;
    private const int MaxEntries = Slots / 2;

    // Strict UTF-8, as Utf8JsonReader.GetString transcodes: invalid bytes throw instead of becoming U+FFFD.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Entry[] _slots = new Entry[Slots];
    private int _count;

    /// <summary>The string of <paramref name="utf8"/> (unescaped JSON string bytes); throws <see cref="DecoderFallbackException"/> on invalid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "";
        }

        if (utf8.Length > MaxLength)
        {
            return Strict.GetString(utf8);
        }

        var hash = Hash(utf8);
        var index = hash & (Slots - 1);
        while (true)
        {
            ref var slot = ref _slots[index];
            if (slot.Value is null)
            {
                var value = Strict.GetString(utf8);
                if (_count < MaxEntries)
                {
                    slot = new Entry(hash, utf8.ToArray(), value);
                    _count++;
                }

                return value;
            }

            if (slot.Hash == hash && utf8.SequenceEqual(slot.Key))
            {
                return slot.Value;
            }

            index = (index + 1) & (Slots - 1);
        }
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 29);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (int)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(int Hash, byte[] Key, string Value);
}
