namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Statistics of a query.</summary>
public sealed record QueryStatistics
{
    public double? RecordsMatched { get; init; }

    public double? RecordsScanned { get; init; }

    public double? EstimatedRecordsSkipped { get; init; }

    public double? BytesScanned { get; init; }

    public double? EstimatedBytesSkipped { get; init; }

    public double? LogGroupsScanned { get; init; }
}
