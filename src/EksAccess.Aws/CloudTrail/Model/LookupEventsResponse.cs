namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>Output of LookupEvents.</summary>
public sealed record LookupEventsResponse
{
    public List<Event>? Events { get; init; }

    public string? NextToken { get; init; }
}
