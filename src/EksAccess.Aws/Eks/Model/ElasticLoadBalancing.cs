namespace EksAccess.Aws.Eks.Model;

/// <summary>Whether Auto Mode load balancing is on.</summary>
internal sealed record ElasticLoadBalancing
{
    public bool? Enabled { get; init; }
}
