namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeAccessEntry.</summary>
public sealed record DescribeAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
