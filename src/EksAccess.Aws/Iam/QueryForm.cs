using System.Globalization;
using System.Text;
using EksAccess.Aws.Iam.Model;

namespace EksAccess.Aws.Iam;

/// <summary>An AWS Query request body: <c>Action=…&amp;Version=…&amp;Name=value…</c>, RFC 3986-encoded; lists as <c>Name.member.N</c>.</summary>
internal sealed class QueryForm
{
    private readonly List<KeyValuePair<string, string>> _members = [];

    public QueryForm(string action, string version)
    {
        Add("Action", action);
        Add("Version", version);
    }

    public QueryForm Add(string name, string? value)
    {
        if (value is not null)
        {
            _members.Add(new(name, value));
        }

        return this;
    }

    public QueryForm Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryForm AddTags(string name, List<Tag>? tags)
    {
        var index = 1;
        foreach (var tag in tags ?? [])
        {
            Add($"{name}.member.{index}.Key", tag.Key ?? "");
            Add($"{name}.member.{index}.Value", tag.Value ?? "");
            index++;
        }

        return this;
    }

    public byte[] ToBytes()
    {
        var text = string.Join('&', _members.Select(m => Uri.EscapeDataString(m.Key) + "=" + Uri.EscapeDataString(m.Value)));
        return Encoding.UTF8.GetBytes(text);
    }
}
