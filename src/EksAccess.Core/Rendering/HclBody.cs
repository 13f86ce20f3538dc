namespace EksAccess.Core.Rendering;

/// <summary>The contents of a file or block, in order.</summary>
internal sealed class HclBody
{
    public List<HclBodyItem> Items { get; } = [];

    public HclBody Attribute(string name, HclValue value)
    {
        Items.Add(new HclAttribute(name, value));
        return this;
    }

    /// <summary>Adds the attribute only when <paramref name="value"/> is not null.</summary>
    public HclBody AttributeIfSet(string name, string? value)
    {
        return value is null ? this : Attribute(name, value);
    }

    public HclBody Block(string type, IEnumerable<string> labels, Action<HclBody> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var block = new HclBlock(type, labels);
        fill(block.Body);
        Items.Add(block);
        return this;
    }

    public HclBody Block(string type, Action<HclBody> fill) => Block(type, [], fill);

    public HclBody Comment(string text)
    {
        Items.Add(new HclComment(text));
        return this;
    }

    public HclBody BlankLine()
    {
        Items.Add(HclBlankLine.Instance);
        return this;
    }
}
