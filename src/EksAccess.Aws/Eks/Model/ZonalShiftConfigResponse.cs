namespace EksAccess.Aws.Eks.Model;

/// <summary>The cluster's zonal shift configuration.</summary>
internal sealed record ZonalShiftConfigResponse
{
    public bool? Enabled { get; init; }
}
