namespace EksAccess.Aws.Eks.Model;

/// <summary>An access entry, as DescribeAccessEntry returns it.</summary>
internal sealed record AccessEntry
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public List<string>? KubernetesGroups { get; init; }

    public string? AccessEntryArn { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? ModifiedAt { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public string? Username { get; init; }

    public string? Type { get; init; }
}
