using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Text;

/// <summary>
/// Durations as people write them on the command line and in access.yaml: a number and a unit, or several
/// (<c>90d</c>, <c>12h</c>, <c>30m</c>, <c>1h30m</c>); units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>. Zero and negative are refused.
/// </summary>
public static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !Pattern().IsMatch(text.Trim()))
        {
            return false;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text.Trim()))
        {
            if (!long.TryParse(part.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                return false;
            }

            total += part.Groups["u"].Value switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }

        value = total;
        return total > TimeSpan.Zero;
    }

    /// <summary>The shortest spelling: <c>2h</c>, <c>1h30m</c>, <c>90d</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, value.Days, 'd');
        Append(text, value.Hours, 'h');
        Append(text, value.Minutes, 'm');
        Append(text, value.Seconds, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex("^(?:[0-9]+[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("(?<n>[0-9]+)(?<u>[dhms])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Part();
}
