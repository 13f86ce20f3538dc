namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's VPC configuration.</summary>
internal sealed record VpcConfigResponse
{
    public List<string>? SubnetIds { get; init; }

    public List<string>? SecurityGroupIds { get; init; }

    public string? ClusterSecurityGroupId { get; init; }

    public string? VpcId { get; init; }

    public bool? EndpointPublicAccess { get; init; }

    public bool? EndpointPrivateAccess { get; init; }

    public List<string>? PublicAccessCidrs { get; init; }
}
