namespace EksAccess.Aws.CloudTrail.Model;

/// <summary>A management event; <see cref="CloudTrailEvent"/> is the full record as JSON text.</summary>
public sealed record Event
{
    public string? EventId { get; init; }

    public string? EventName { get; init; }

    public string? ReadOnly { get; init; }

    public string? AccessKeyId { get; init; }

    public DateTime? EventTime { get; init; }

    public string? EventSource { get; init; }

    public string? Username { get; init; }

    public List<Resource>? Resources { get; init; }

    public string? CloudTrailEvent { get; init; }
}
