using EksAccess.Core.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Rendering;

/// <summary>
/// A small deterministic HCL writer whose output is already in <c>terraform fmt</c> form: 2-space indentation, and the
/// <c>=</c> of consecutive one-line attributes (or object entries) aligned one space after the longest name. As in
/// terraform fmt, a blank line, a comment, a block or an attribute whose value spans lines (an object, a list of
/// objects, a call like <c>jsonencode({</c>) ends a run of aligned lines; a heredoc's body does not.
/// </summary>
internal static partial class HclEmitter
{
    private const int IndentStep = 2;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "for", "in", "if", "null", "true", "false" };

    /// <summary>The body as file text, ending with a newline.</summary>
    public static string Emit(HclBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var builder = new StringBuilder();
        WriteBody(builder, body, 0);
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can be written bare (a resource name, an object key without quotes).</summary>
    public static bool IsIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IdentifierPattern().IsMatch(name) && !Keywords.Contains(name);
    }

    /// <summary>A string literal: double-quoted, escaped, with <c>${</c>/<c>%{</c> doubled so it is never a template.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return QuotedString.Quote(value, HclEscape);
    }

    private static void HclEscape(StringBuilder builder, string value, int index)
    {
        var c = value[index];
        _ = c switch
        {
            '$' or '%' when index + 1 < value.Length && value[index + 1] == '{' => builder.Append(c).Append(c),
            _ when char.IsControl(c) => QuotedString.AppendUnicodeEscape(builder, c, "X4"),
            _ => builder.Append(c),
        };
    }

    private static void WriteBody(StringBuilder builder, HclBody body, int indent)
    {
        var items = body.Items;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case HclAttribute attribute when IsInline(attribute.Value):
                    var end = i;
                    while (end + 1 < items.Count && items[end + 1] is HclAttribute next && IsInline(next.Value))
                    {
                        end++;
                    }

                    var width = items.Skip(i).Take(end - i + 1).Cast<HclAttribute>().Max(a => Columns(a.Name));
                    for (; i <= end; i++)
                    {
                        var run = (HclAttribute)items[i];
                        WriteAssignment(builder, run.Name, run.Value, indent, width);
                    }

                    i = end;
                    break;
                case HclAttribute attribute:
                    WriteAssignment(builder, attribute.Name, attribute.Value, indent, Columns(attribute.Name));
                    break;
                case HclBlock block:
                    builder.Append(' ', indent).Append(block.Type);
                    foreach (var label in block.Labels)
                    {
                        builder.Append(' ').Append(Quote(label));
                    }

                    builder.Append(" {\n");
                    WriteBody(builder, block.Body, indent + IndentStep);
                    builder.Append(' ', indent).Append("}\n");
                    break;
                case HclComment comment:
                    foreach (var line in comment.Text.Split('\n'))
                    {
                        builder.Append(' ', indent).Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
                    }

                    break;
                case HclBlankLine:
                    builder.Append('\n');
                    break;
                default:
                    throw new ArgumentException($"unknown HCL body item {items[i].GetType().Name}", nameof(body));
            }
        }
    }

    private static void WriteAssignment(StringBuilder builder, string key, HclValue value, int indent, int width)
    {
        builder.Append(' ', indent).Append(key).Append(' ', width - Columns(key)).Append(" = ");
        WriteValue(builder, value, indent);
        builder.Append('\n');
    }

    /// <summary>Writes the value from the current position; lines after the first start at <paramref name="indent"/> (+ nesting).</summary>
    private static void WriteValue(StringBuilder builder, HclValue value, int indent)
    {
        switch (value)
        {
            case HclString text:
                builder.Append(Quote(text.Value));
                break;
            case HclExpression expression:
                builder.Append(expression.Text);
                break;
            case HclHeredoc heredoc when CanBeHeredoc(heredoc.Text):
                WriteHeredoc(builder, heredoc.Text, indent);
                break;
            case HclHeredoc heredoc:
                builder.Append(Quote(heredoc.Text));
                break;
            case HclList { Items.Count: 0 }:
                builder.Append("[]");
                break;
            case HclList list when list.Items.TrueForAll(IsScalar):
                builder.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    WriteValue(builder, list.Items[i], indent);
                }

                builder.Append(']');
                break;
            case HclList list:
                builder.Append("[\n");
                foreach (var item in list.Items)
                {
                    builder.Append(' ', indent + IndentStep);
                    WriteValue(builder, item, indent + IndentStep);
                    builder.Append(",\n");
                }

                builder.Append(' ', indent).Append(']');
                break;
            case HclObject { Entries.Count: 0 }:
                builder.Append("{}");
                break;
            case HclObject obj:
                builder.Append("{\n");
                WriteEntries(builder, obj, indent + IndentStep);
                builder.Append(' ', indent).Append('}');
                break;
            case HclCall call:
                builder.Append(call.Function).Append('(');
                WriteValue(builder, call.Argument, indent);
                builder.Append(')');
                break;
            default:
                throw new ArgumentException($"unknown HCL value {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteEntries(StringBuilder builder, HclObject obj, int indent)
    {
        var entries = obj.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (!IsInline(entries[i].Value))
            {
                WriteAssignment(builder, Key(entries[i].Key), entries[i].Value, indent, Columns(Key(entries[i].Key)));
                continue;
            }

            var end = i;
            while (end + 1 < entries.Count && IsInline(entries[end + 1].Value))
            {
                end++;
            }

            var width = entries.Skip(i).Take(end - i + 1).Max(e => Columns(Key(e.Key)));
            for (; i <= end; i++)
            {
                WriteAssignment(builder, Key(entries[i].Key), entries[i].Value, indent, width);
            }

            i = end;
        }
    }

    /// <summary>The width terraform fmt aligns by: grapheme clusters (UAX #29), not UTF-16 code units.</summary>
    private static int Columns(string text) => new StringInfo(text).LengthInTextElements;

    private static string Key(string key) => IsIdentifier(key) ? key : Quote(key);

    private static bool IsScalar(HclValue value) => value is HclString or HclExpression;

    /// <summary>One line (or a heredoc, whose opening line terraform fmt aligns like a one-line value).</summary>
    private static bool IsInline(HclValue value) => value switch
    {
        HclString or HclExpression or HclHeredoc => true,
        HclList list => list.Items.TrueForAll(IsScalar),
        HclObject obj => obj.Entries.Count == 0,
        HclCall call => call.Argument is not HclHeredoc && IsInline(call.Argument),
        _ => false,
    };

    /// <summary>A heredoc keeps the text exactly only when it ends with a newline and has no blank, CR or tab-indented lines.</summary>
    private static bool CanBeHeredoc(string text)
    {
        if (text.Length == 0 || text[^1] != '\n' || text.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        return text[..^1].Split('\n').All(line => line.Trim().Length > 0 && !line.StartsWith('\t') && !line.Any(char.IsControl));
    }

    private static void WriteHeredoc(StringBuilder builder, string text, int indent)
    {
        var lines = text[..^1].Split('\n');
        var marker = "EOT";
        for (var i = 1; lines.Any(l => string.Equals(l.Trim(), marker, StringComparison.Ordinal)); i++)
        {
            marker = "EOT" + i.ToString(CultureInfo.InvariantCulture);
        }

        builder.Append("<<-").Append(marker).Append('\n');
        foreach (var line in lines)
        {
            builder.Append(' ', indent + IndentStep).Append(EscapeTemplate(line)).Append('\n');
        }

        builder.Append(' ', indent).Append(marker);
    }

    private static string EscapeTemplate(string line) =>
        line.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
