namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>Input of LookupEvents.</summary>
public sealed record LookupEventsRequest
{
    public List<LookupAttribute>? LookupAttributes { get; init; }

    public DateTime? StartTime { get; init; }

    public DateTime? EndTime { get; init; }

    public string? EventCategory { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
