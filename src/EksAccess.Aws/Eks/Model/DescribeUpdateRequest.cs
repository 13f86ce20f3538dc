namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of DescribeUpdate (<c>GET /clusters/{name}/updates/{updateId}</c>).</summary>
internal sealed record DescribeUpdateRequest
{
    public string? Name { get; init; }

    public string? UpdateId { get; init; }

    public string? NodegroupName { get; init; }

    public string? AddonName { get; init; }

    public string? CapabilityName { get; init; }
}
