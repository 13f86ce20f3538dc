namespace EksAccess.Core.Migration;

public static class MigrationStatuses
{
    public static string ToWire(this MigrationStatus status) => status switch
    {
        MigrationStatus.Converted => "converted",
        MigrationStatus.ConvertedWithChanges => "convertedWithChanges",
        MigrationStatus.AlreadyCovered => "alreadyCovered",
        MigrationStatus.NotConvertible => "notConvertible",
        MigrationStatus.EksManaged => "eksManaged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, message: null),
    };
}
