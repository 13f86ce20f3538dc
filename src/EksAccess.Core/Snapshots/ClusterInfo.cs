using EksAccess.Core.Identity;

namespace EksAccess.Core.Snapshots;

/// <summary>What describe-cluster tells the evaluator. Partition/AccountId/Region are parsed from the ARN when present.</summary>
public sealed record ClusterInfo(string Name, string? Arn, AuthenticationMode AuthenticationMode)
{
    public string? Region { get; init; }
    public string? AccountId { get; init; }
    public string Partition { get; init; } = "aws";
    public string? Version { get; init; }
    public string? Endpoint { get; init; }
    public string? Status { get; init; }

    /// <summary>accessConfig.bootstrapClusterCreatorAdminPermissions; null when cluster.json does not say.</summary>
    public bool? BootstrapClusterCreatorAdminPermissions { get; init; }
}
