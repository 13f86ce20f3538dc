namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeAccessEntry.</summary>
internal sealed record DescribeAccessEntryResponse
{
    public AccessEntry? AccessEntry { get; init; }
}
