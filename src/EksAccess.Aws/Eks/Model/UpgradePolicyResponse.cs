namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's upgrade support policy.</summary>
internal sealed record UpgradePolicyResponse
{
    public string? SupportType { get; init; }
}
