namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's access configuration (authentication mode: see <see cref="AuthenticationMode"/>).</summary>
internal sealed record AccessConfigResponse
{
    public bool? BootstrapClusterCreatorAdminPermissions { get; init; }

    public string? AuthenticationMode { get; init; }
}
