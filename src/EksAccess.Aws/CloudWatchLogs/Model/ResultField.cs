namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>One field of a query result row.</summary>
public sealed record ResultField
{
    public string? Field { get; init; }

    public string? Value { get; init; }
}
