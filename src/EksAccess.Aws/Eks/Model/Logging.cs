namespace EksAccess.Aws.Eks.Model;

/// <summary>The control-plane logging configuration.</summary>
internal sealed record Logging
{
    public List<LogSetup>? ClusterLogging { get; init; }
}
