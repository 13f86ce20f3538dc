namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of UpdateClusterConfig.</summary>
public sealed record UpdateClusterConfigResponse
{
    public Update? Update { get; init; }
}
