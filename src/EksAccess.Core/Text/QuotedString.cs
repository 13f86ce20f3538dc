using System.Globalization;
using System.Text;

namespace EksAccess.Core.Text;

/// <summary>
/// The one double-quoted string writer. JSON, YAML and HCL agree on <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c> and
/// <c>\t</c>; every other character goes to the dialect's hook, which appends it as it is or escaped
/// (JSON's <c>\b\f\uXXXX</c>, YAML's <c>\0</c> and non-printables, HCL's doubled <c>${</c>/<c>%{</c>).
/// </summary>
public static class QuotedString
{
    /// <summary>Appends <paramref name="value"/>[<paramref name="index"/>], a character with no shared escape, in the dialect's form.</summary>
    public delegate void DialectEscape(StringBuilder builder, string value, int index);

    public static string Quote(string value, DialectEscape dialect) =>
        Append(new StringBuilder(value.Length + 2), value, dialect).ToString();

    public static StringBuilder Append(StringBuilder builder, string value, DialectEscape dialect)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(dialect);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    dialect(builder, value, i);
                    break;
            }
        }

        return builder.Append('"');
    }

    /// <summary><c>\u</c> and the code unit as four hex digits (<paramref name="format"/> <c>x4</c> or <c>X4</c>).</summary>
    public static StringBuilder AppendUnicodeEscape(StringBuilder builder, char c, string format)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Append("\\u").Append(((int)c).ToString(format, CultureInfo.InvariantCulture));
    }
}
