namespace EksAccess.Aws.Eks.Model;

/// <summary>Health issues of a cluster.</summary>
internal sealed record ClusterHealth
{
    public List<ClusterIssue>? Issues { get; init; }
}
