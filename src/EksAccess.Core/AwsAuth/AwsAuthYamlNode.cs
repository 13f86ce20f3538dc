using System.Collections.Immutable;

namespace EksAccess.Core.AwsAuth;

#pragma warning disable MA0048 // A closed hierarchy: the node kinds of one aws-auth section live with their base.

/// <summary>
/// One node of an aws-auth section (mapRoles, mapUsers or mapAccounts), with its 1-based line and column inside
/// the section's text. Kept minimal: just what the authenticator's YAML → JSON → Go struct decoding looks at.
/// </summary>
internal abstract record AwsAuthYamlNode(int Line, int Column)
{
    /// <summary>How JSON (and so Go's json.Unmarshal) would name this node's type.</summary>
    public abstract string JsonTypeName { get; }
}

/// <summary>A scalar with its YAML 1.1 type as yaml.v2 resolves it (plain scalars only; quoted ones are strings).</summary>
internal sealed record AwsAuthYamlScalar(string Value, AwsAuthScalarType Type, int Line, int Column) : AwsAuthYamlNode(Line, Column)
{
    public override string JsonTypeName => Type switch
    {
        AwsAuthScalarType.String => "a string",
        AwsAuthScalarType.Null => "null",
        AwsAuthScalarType.Bool => "a boolean",
        _ => "a number",
    };
}

internal sealed record AwsAuthYamlSequence(ImmutableArray<AwsAuthYamlNode> Items, int Line, int Column) : AwsAuthYamlNode(Line, Column)
{
    public override string JsonTypeName => "a list";
}

/// <summary>A mapping, its entries in document order (duplicates kept: yaml.v2 lets the last one win).</summary>
internal sealed record AwsAuthYamlMapping(ImmutableArray<KeyValuePair<AwsAuthYamlScalar, AwsAuthYamlNode>> Entries, int Line, int Column)
    : AwsAuthYamlNode(Line, Column)
{
    public override string JsonTypeName => "a mapping";
}

internal enum AwsAuthScalarType
{
    String,
    Null,
    Bool,
    Int,
    Float,
}
