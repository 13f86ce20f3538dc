namespace EksAccess.Testing.Snapshots;

/// <summary>How many objects <see cref="SnapshotGenerator"/> writes.</summary>
internal sealed record SnapshotSize(
    int Namespaces,
    int Roles,
    int RoleBindings,
    int ClusterRoles,
    int ClusterRoleBindings,
    int AccessEntries,
    int AwsAuthEntries)
{
    /// <summary>A large organisation's cluster: the load benchmark's input.</summary>
    public static SnapshotSize Large { get; } = new(
        Namespaces: 2_000,
        Roles: 20_000,
        RoleBindings: 50_000,
        ClusterRoles: 5_000,
        ClusterRoleBindings: 1_000,
        AccessEntries: 10_000,
        AwsAuthEntries: 10_000);

    /// <summary>Every shape of the large snapshot, small enough for a unit test.</summary>
    public static SnapshotSize Small { get; } = new(
        Namespaces: 12,
        Roles: 60,
        RoleBindings: 150,
        ClusterRoles: 40,
        ClusterRoleBindings: 15,
        AccessEntries: 40,
        AwsAuthEntries: 40);
}
