using System.CommandLine;
using EksAccess.Core.Text;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>--at TIME</c> of verify and matrix: evaluate the state the config creates at that instant, expired items absent
/// (an RFC 3339 time such as <c>2026-12-07T09:00:00Z</c>, or a duration from now such as <c>7d</c>).
/// </summary>
internal static class AtOption
{
    public static Option<string?> Create() => new("--at")
    {
        Description = "Answer for the state the config creates at this time (RFC 3339, e.g. 2026-12-07T09:00:00Z, or a duration from now, e.g. 7d): expired items are absent. Needs -f.",
    };

    /// <summary>The instant, or null when --at was not given; a value that reads as neither form is bad input.</summary>
    public static DateTimeOffset? Parse(string? text, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var at))
        {
            return at;
        }

        return DurationText.TryParse(text, out var ahead)
            ? time.GetUtcNow() + ahead
            : throw new InputException($"--at {text}: give an RFC 3339 time with an offset (e.g. 2026-12-07T09:00:00Z) or a duration from now (e.g. 7d)");
    }
}
