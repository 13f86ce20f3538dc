namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of CreateAccessEntry (<c>POST /clusters/{name}/access-entries</c>).</summary>
internal sealed record CreateAccessEntryRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public List<string>? KubernetesGroups { get; init; }

    public Dictionary<string, string>? Tags { get; init; }

    public string? ClientRequestToken { get; init; }

    public string? Username { get; init; }

    public string? Type { get; init; }
}
