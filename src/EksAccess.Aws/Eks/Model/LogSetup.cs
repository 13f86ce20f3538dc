namespace EksAccess.Aws.Eks.Model;

/// <summary>One set of control-plane log types and whether they are enabled (types: see <see cref="LogType"/>).</summary>
internal sealed record LogSetup
{
    public List<string>? Types { get; init; }

    public bool? Enabled { get; init; }
}
