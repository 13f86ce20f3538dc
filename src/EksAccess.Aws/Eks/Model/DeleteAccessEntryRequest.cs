namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of DeleteAccessEntry (<c>DELETE /clusters/{name}/access-entries/{principalArn}</c>).</summary>
internal sealed record DeleteAccessEntryRequest
{
    public string? ClusterName { get; init; }

    public string? PrincipalArn { get; init; }
}
