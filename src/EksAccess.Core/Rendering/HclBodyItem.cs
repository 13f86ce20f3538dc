#pragma warning disable MA0048 // A closed hierarchy: the body-item kinds share the base's file.
namespace EksAccess.Core.Rendering;

/// <summary>One item of a body (the file, or a block's contents).</summary>
internal abstract class HclBodyItem
{
}

internal sealed class HclAttribute(string name, HclValue value) : HclBodyItem
{
    public string Name { get; } = name;
    public HclValue Value { get; } = value;
}

internal sealed class HclBlock(string type, IEnumerable<string> labels) : HclBodyItem
{
    public string Type { get; } = type;
    public List<string> Labels { get; } = [.. labels];
    public HclBody Body { get; } = new();
}

/// <summary>A line comment (<c># …</c>), one per line of <see cref="Text"/>.</summary>
internal sealed class HclComment(string text) : HclBodyItem
{
    public string Text { get; } = text;
}

internal sealed class HclBlankLine : HclBodyItem
{
    public static HclBlankLine Instance { get; } = new();
}
