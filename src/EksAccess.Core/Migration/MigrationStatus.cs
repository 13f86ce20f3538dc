namespace EksAccess.Core.Migration;

/// <summary>What migrate decides for one aws-auth mapping (docs/decisions/migrate.md); <see cref="MigrationStatuses.ToWire"/> gives the JSON value.</summary>
public enum MigrationStatus
{
    Converted,
    ConvertedWithChanges,
    AlreadyCovered,
    NotConvertible,
    EksManaged,
}
