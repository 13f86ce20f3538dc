namespace EksAccess.Core.Planning;

/// <summary>What a planned change does, shown as terraform does: + create, ~ update, - delete.</summary>
public enum ChangeKind
{
    Create,
    Update,
    Delete,
}
