namespace EksAccess.Aws.Eks.Model;

/// <summary>The control-plane logging configuration.</summary>
public sealed record Logging
{
    public List<LogSetup>? ClusterLogging { get; init; }
}
