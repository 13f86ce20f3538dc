using System.Globalization;
using System.Text;

namespace EksAccess.Core.Text;

/// <summary>
/// How a message echoes a value it got from input: quoted, cut to a readable length, control characters escaped,
/// so one error stays one readable line whatever the input held (a 1 MB name, a newline, a NUL, an ANSI escape).
/// </summary>
public static class Echo
{
    /// <summary>The longest echoed value, in characters, before it is cut with '…'.</summary>
    public const int MaxLength = 80;

    /// <summary>The value in single quotes: <c>'a\nb'</c>, <c>'xxxx…'</c> (80 characters, then an ellipsis).</summary>
    public static string Quote(string? value) => value is null ? "(none)" : "'" + Escape(value) + "'";

    /// <summary>The value cut and escaped, without quotes (for text that is already inside quotes).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        var shown = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (shown == MaxLength)
            {
                return text.Append('…').ToString();
            }

            var c = value[i];
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ when char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]))
                    => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
            shown++;
        }

        return text.ToString();
    }

    /// <summary>A whole message made one line: line breaks and control characters escaped (no length cut).</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 16);
        foreach (var c in message)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
