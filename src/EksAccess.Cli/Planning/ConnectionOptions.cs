namespace EksAccess.Cli.Planning;

/// <summary>How the plan targets reach what they manage: one part per target family (the Kubernetes part is added beside Aws).</summary>
internal sealed record ConnectionOptions
{
    public static ConnectionOptions Default { get; } = new();

    public AwsConnectionOptions Aws { get; init; } = new();
}
