namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>One lookup condition (key: see <see cref="LookupAttributeKey"/>).</summary>
public sealed record LookupAttribute
{
    public string? AttributeKey { get; init; }

    public string? AttributeValue { get; init; }
}
