namespace EksAccess.Aws.Eks.Model;

/// <summary>Input of UpdateClusterConfig (<c>POST /clusters/{name}/update-config</c>); only the access and logging parts are modelled.</summary>
internal sealed record UpdateClusterConfigRequest
{
    public string? Name { get; init; }

    public Logging? Logging { get; init; }

    public string? ClientRequestToken { get; init; }

    public UpdateAccessConfigRequest? AccessConfig { get; init; }
}
