namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's Kubernetes network configuration.</summary>
internal sealed record KubernetesNetworkConfigResponse
{
    public string? ServiceIpv4Cidr { get; init; }

    public string? ServiceIpv6Cidr { get; init; }

    public string? IpFamily { get; init; }

    public ElasticLoadBalancing? ElasticLoadBalancing { get; init; }
}
