namespace EksAccess.Aws.Eks.Model;

/// <summary>The access configuration to change (authentication mode: see <see cref="AuthenticationMode"/>).</summary>
internal sealed record UpdateAccessConfigRequest
{
    public string? AuthenticationMode { get; init; }
}
