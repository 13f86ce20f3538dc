namespace EksAccess.Aws.Eks.Model;

/// <summary>Health issues of a cluster.</summary>
public sealed record ClusterHealth
{
    public List<ClusterIssue>? Issues { get; init; }
}
