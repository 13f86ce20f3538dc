using System.Text;

namespace EksAccess.Core.Onboarding;

/// <summary>A GitHub-flavoured Markdown table.</summary>
internal sealed class TextTableMarkdown(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(StringBuilder builder)
    {
        builder.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        builder.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in _rows)
        {
            builder.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }
    }
}
