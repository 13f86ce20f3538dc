namespace EksAccess.Testing.Aws;

/// <summary>What the fake knows about a cluster moto created: its access config and access entries.</summary>
internal sealed class FakeCluster(string name, string authenticationMode, bool bootstrapClusterCreatorAdminPermissions)
{
    public string Name { get; } = name;

    public string AuthenticationMode { get; set; } = authenticationMode;

    public bool BootstrapClusterCreatorAdminPermissions { get; } = bootstrapClusterCreatorAdminPermissions;

    /// <summary>Entries by principal ARN, in creation order.</summary>
    public Dictionary<string, FakeAccessEntry> Entries { get; } = new(StringComparer.Ordinal);
}
