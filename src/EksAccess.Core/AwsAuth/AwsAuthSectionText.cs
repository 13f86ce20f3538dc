using System.Text;
using EksAccess.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// One aws-auth section (<c>mapRoles</c>/<c>mapUsers</c>) cut into its top-level list items, each kept as the text it
/// was written in (comments, key order, unknown fields and all), re-indented to a block item at column 0
/// (<c>- rolearn: …\n  username: …\n</c>). Flow-style (JSON) sections become block items holding the flow text.
/// Joining <see cref="Preamble"/> and the items gives a section the authenticator reads as the same list.
/// </summary>
internal sealed class AwsAuthSectionText
{
    private AwsAuthSectionText(string preamble, List<string> items)
    {
        Preamble = preamble;
        Items = items;
    }

    /// <summary>Comment lines before the first item (block style only).</summary>
    public string Preamble { get; }

    public List<string> Items { get; }

    public static AwsAuthSectionText Empty() => new("", []);

    /// <summary>Cuts <paramref name="text"/>; false (with the reason) when it is not one YAML list eksaccess can edit safely.</summary>
    public static bool TrySplit(string text, out AwsAuthSectionText section, out string? error)
    {
        section = Empty();
        error = null;
        if (text.Trim() is "" or "``" or "\"\"" or "''")
        {
            return true;
        }

        try
        {
            return TrySplitYaml(text, out section, out error);
        }
        catch (YamlException ex)
        {
            error = $"it is not valid YAML (line {ex.Start.Line}: {ex.Message})";
            return false;
        }
    }

    public string Join()
    {
        var builder = new StringBuilder(Preamble);
        foreach (var item in Items)
        {
            builder.Append(item);
        }

        return builder.ToString();
    }

    private static bool TrySplitYaml(string text, out AwsAuthSectionText section, out string? error)
    {
        section = Empty();
        error = null;
        var parser = new DepthLimitedParser(text);
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return true;
        }

        parser.Consume<DocumentStart>();
        if (parser.Accept<Scalar>(out var scalar) && scalar.Value is "" or "null" or "~" or "Null" or "NULL")
        {
            parser.MoveNext();
            return ExpectEnd(parser, ref error);
        }

        if (!parser.Accept<SequenceStart>(out var sequence))
        {
            error = "it is not a YAML list";
            return false;
        }

        if (!sequence.Anchor.IsEmpty)
        {
            error = "it uses YAML anchors";
            return false;
        }

        parser.MoveNext();
        var starts = new List<Mark>();
        var ends = new List<Mark>();
        while (!parser.Accept<SequenceEnd>(out _))
        {
            var start = parser.Current!.Start;
            if (!SkipNode(parser, out var end))
            {
                error = "it uses YAML anchors or aliases, which eksaccess does not edit";
                return false;
            }

            starts.Add(start);
            ends.Add(end);
        }

        parser.MoveNext();
        if (!ExpectEnd(parser, ref error))
        {
            return false;
        }

        var items = new List<string>();
        if (sequence.Style == SequenceStyle.Flow)
        {
            for (var i = 0; i < starts.Count; i++)
            {
                // A flow collection's end event marks its closing bracket, not the position after it.
                var end = (int)ends[i].Index;
                if (end < text.Length && text[(int)starts[i].Index] is '{' or '[' && text[end] is '}' or ']')
                {
                    end++;
                }

                var itemText = text[(int)starts[i].Index..end].Trim();
                items.Add("- " + itemText.ReplaceLineEndings("\n").Replace("\n", "\n  ", StringComparison.Ordinal) + "\n");
            }

            section = new AwsAuthSectionText("", items);
            return true;
        }

        var dashes = new List<int>();
        foreach (var start in starts)
        {
            var dash = FindDash(text, (int)start.Index);
            if (dash < 0)
            {
                error = "an item's '- ' could not be found";
                return false;
            }

            dashes.Add(dash);
        }

        if (dashes.Count == 0)
        {
            return true;
        }

        var column = dashes[0] - LineStart(text, dashes[0]);
        var preamble = Reindent(text[..LineStart(text, dashes[0])], column);
        if (preamble.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#')))
        {
            error = "it has text before its first item";
            return false;
        }

        for (var i = 0; i < dashes.Count; i++)
        {
            var from = LineStart(text, dashes[i]);
            var to = i + 1 < dashes.Count ? LineStart(text, dashes[i + 1]) : text.Length;
            if (dashes[i] - from != column)
            {
                error = "its items are not aligned";
                return false;
            }

            var item = Reindent(text[from..to], column);
            items.Add(item.EndsWith('\n') ? item : item + "\n");
        }

        section = new AwsAuthSectionText(preamble, items);
        return true;
    }

    private static bool ExpectEnd(DepthLimitedParser parser, ref string? error)
    {
        parser.Consume<DocumentEnd>();
        if (!parser.Accept<StreamEnd>(out _))
        {
            error = "it holds more than one YAML document";
            return false;
        }

        return true;
    }

    /// <summary>Skips one node with its children (<paramref name="end"/>: where its last event ends); false when it holds an anchor or an alias.</summary>
    private static bool SkipNode(DepthLimitedParser parser, out Mark end)
    {
        var depth = 0;
        end = parser.Current!.End;
        do
        {
            var current = parser.Current!;
            if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
            {
                return false;
            }

            depth += current.NestingIncrease;
            end = current.End;
            parser.MoveNext();
        }
        while (depth > 0);

        return true;
    }

    /// <summary>The '-' that starts the block item whose node begins at <paramref name="nodeStart"/>; -1 when there is none.</summary>
    private static int FindDash(string text, int nodeStart)
    {
        var i = Math.Min(nodeStart, text.Length) - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i--;
        }

        if (i < 0 || text[i] != '-')
        {
            return -1;
        }

        var lineStart = LineStart(text, i);
        return text.AsSpan(lineStart, i - lineStart).Trim(' ').Length == 0 ? i : -1;
    }

    private static int LineStart(string text, int index)
    {
        var newline = index == 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return newline + 1;
    }

    /// <summary>Removes up to <paramref name="column"/> leading spaces from every line.</summary>
    private static string Reindent(string text, int column)
    {
        if (column == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var spaces = 0;
            while (spaces < column && spaces < lines[i].Length && lines[i][spaces] == ' ')
            {
                spaces++;
            }

            lines[i] = lines[i][spaces..];
        }

        return string.Join('\n', lines);
    }
}
