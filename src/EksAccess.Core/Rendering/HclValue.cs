#pragma warning disable MA0048 // A closed hierarchy: the HCL value kinds share the base's file.
using System.Text.Json.Nodes;

namespace EksAccess.Core.Rendering;

/// <summary>An HCL expression to emit with <see cref="HclEmitter"/>.</summary>
internal abstract class HclValue
{
    public static implicit operator HclValue(string value) => new HclString(value);

    /// <summary>A JSON document as the HCL value <c>jsonencode</c> turns back into the same JSON (keys in their order).</summary>
    public static HclValue FromJson(JsonNode? node) => node switch
    {
        null => new HclExpression("null"),
        JsonObject obj => new HclObject(obj.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value)))),
        JsonArray array => new HclList(array.Select(FromJson)),
        JsonValue value when value.TryGetValue<string>(out var text) => new HclString(text),
        JsonValue value when value.TryGetValue<bool>(out var flag) => new HclExpression(flag ? "true" : "false"),
        JsonValue value => new HclExpression(value.ToJsonString()),
        _ => throw new ArgumentException($"unexpected JSON node {node.GetType().Name}", nameof(node)),
    };
}

/// <summary>A quoted string literal; <c>${</c> and <c>%{</c> are escaped, so it is never a template.</summary>
internal sealed class HclString(string value) : HclValue
{
    public string Value { get; } = value;
}

/// <summary>An expression written as it is: a reference (<c>aws_iam_user.x.arn</c>), a number, <c>true</c>, <c>null</c>.</summary>
internal sealed class HclExpression(string text) : HclValue
{
    public string Text { get; } = text;
}

/// <summary>A tuple: on one line when every item is a string or expression, else one item per line.</summary>
internal sealed class HclList(IEnumerable<HclValue> items) : HclValue
{
    public List<HclValue> Items { get; } = [.. items];

    public static HclList Of(IEnumerable<string> values) => new(values.Select(v => (HclValue)new HclString(v)));
}

/// <summary>An object constructor; keys in insertion order, quoted when they are not identifiers.</summary>
internal sealed class HclObject : HclValue
{
    public HclObject()
    {
    }

    public HclObject(IEnumerable<KeyValuePair<string, HclValue>> entries)
    {
        Entries.AddRange(entries);
    }

    public List<KeyValuePair<string, HclValue>> Entries { get; } = [];

    public static HclObject FromDictionary(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (HclValue)new HclString(p.Value))));

    public HclObject Add(string key, HclValue value)
    {
        Entries.Add(KeyValuePair.Create(key, value));
        return this;
    }
}

/// <summary>A function call with one argument, e.g. <c>jsonencode({ … })</c>.</summary>
internal sealed class HclCall(string function, HclValue argument) : HclValue
{
    public string Function { get; } = function;
    public HclValue Argument { get; } = argument;
}

/// <summary>A multi-line string as an indented heredoc (<c>&lt;&lt;-EOT</c>); template sequences are escaped.</summary>
internal sealed class HclHeredoc(string text) : HclValue
{
    public string Text { get; } = text;
}
