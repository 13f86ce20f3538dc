using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EksAccess.Core.Audit;

/// <summary>
/// The time range a query covers, [<see cref="Since"/>, <see cref="Until"/>]. Each bound is RFC 3339
/// (<c>2026-11-20T14:00:00Z</c>) or a duration back from now as <c>kubectl logs --since</c> takes it (<c>90m</c>,
/// <c>24h</c>, <c>1h30m</c>), plus days (<c>7d</c>); since defaults to 24 h ago, until to now.
/// </summary>
public sealed record AuditWindow(DateTimeOffset Since, DateTimeOffset Until)
{
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromHours(24);

    public bool Contains(DateTimeOffset time) => time >= Since && time <= Until;

    public static bool TryParse(string? since, string? until, DateTimeOffset now, [NotNullWhen(true)] out AuditWindow? window, [NotNullWhen(false)] out string? error)
    {
        window = null;
        var end = now;
        if (until is not null && !TryParseBound(until, now, out end, out error))
        {
            error = $"--until '{until}': {error}";
            return false;
        }

        var start = now - DefaultLookback;
        if (since is not null && !TryParseBound(since, now, out start, out error))
        {
            error = $"--since '{since}': {error}";
            return false;
        }

        if (start > end)
        {
            error = $"--since ({Format(start)}) is after --until ({Format(end)}): give an earlier --since or a later --until";
            return false;
        }

        window = new AuditWindow(start, end);
        error = null;
        return true;
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private static bool TryParseBound(string text, DateTimeOffset now, out DateTimeOffset time, [NotNullWhen(false)] out string? error)
    {
        time = default;
        if (TryParseDuration(text, out var ago))
        {
            time = now - ago;
            error = null;
            return true;
        }

        if (text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            error = null;
            return true;
        }

        error = "expected RFC 3339 (2026-11-20T14:00:00Z) or a duration back from now (90m, 24h, 7d, 1h30m)";
        return false;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var tail = text[t..];
        return tail.Contains('+', StringComparison.Ordinal) || tail.Contains('-', StringComparison.Ordinal);
    }

    /// <summary>A sequence of number+unit (s, m, h, d), e.g. <c>1h30m</c>; Go's time.ParseDuration units plus days.</summary>
    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var i = 0;
        if (text.Length == 0)
        {
            return false;
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i >= text.Length || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unit = text[i++] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero || value > 100_000)
            {
                return false;
            }

            duration += unit * value;
        }

        return true;
    }
}
