namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of UpdateAccessEntry (<c>POST /clusters/{name}/access-entries/{principalArn}</c>).</summary>
internal sealed record UpdateAccessEntryRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }

    public List<string>? KubernetesGroups { get; init; }

    public string? ClientRequestToken { get; init; }

    public string? Username { get; init; }
}
