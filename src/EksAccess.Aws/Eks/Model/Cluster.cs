using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccess.Aws.Eks.Model;

/// <summary>An EKS cluster, as DescribeCluster returns it.</summary>
internal sealed record Cluster
{
    public string? Name { get; init; }

    public string? Arn { get; init; }

    public DateTime? CreatedAt { get; init; }

    public string? Version { get; init; }

    public string? Endpoint { get; init; }

    public string? RoleArn { get; init; }

    public VpcConfigResponse? ResourcesVpcConfig { get; init; }

    public KubernetesNetworkConfigResponse? KubernetesNetworkConfig { get; init; }

    public Logging? Logging { get; init; }

    public Identity? Identity { get; init; }

    public string? Status { get; init; }

    public Certificate? CertificateAuthority { get; init; }

    public string? ClientRequestToken { get; init; }

    public string? PlatformVersion { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public List<EncryptionConfig>? EncryptionConfig { get; init; }

    public string? Id { get; init; }

    public ClusterHealth? Health { get; init; }

    public AccessConfigResponse? AccessConfig { get; init; }

    public UpgradePolicyResponse? UpgradePolicy { get; init; }

    public ZonalShiftConfigResponse? ZonalShiftConfig { get; init; }

    public bool? DeletionProtection { get; init; }

    /// <summary>
    /// Members this client does not model (outpostConfig, computeConfig, …), kept as received so a snapshot's
    /// cluster.json shows everything <c>aws eks describe-cluster</c> would. Settable, not init: source-generated
    /// metadata (AwsJsonContext) binds init-only members through the constructor, which extension data cannot use.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
