using System.Globalization;
using System.Text;

namespace EksAccess.Cli;

/// <summary>How an error line echoes a value the user gave: quoted, control characters escaped, cut to a readable length.</summary>
internal static class ErrorText
{
    public const int MaxEchoLength = 80;

    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var builder = new StringBuilder("'");
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (count++ == MaxEchoLength)
            {
                builder.Append("…' (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
                return builder.ToString();
            }

            if (Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029)
            {
                builder.Append(rune.Value switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => $"\\u{rune.Value:x4}",
                });
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.Append('\'').ToString();
    }
}
