namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeUpdate.</summary>
internal sealed record DescribeUpdateResponse
{
    public Update? Update { get; init; }
}
