namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of DescribeUpdate.</summary>
public sealed record DescribeUpdateResponse
{
    public Update? Update { get; init; }
}
