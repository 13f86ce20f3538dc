namespace EksAccess.Aws.Eks.Model;

/// <summary>Output of UpdateClusterConfig.</summary>
internal sealed record UpdateClusterConfigResponse
{
    public Update? Update { get; init; }
}
