namespace EksAccess.Cli.Planning;

/// <summary>--profile, --region and --endpoint-url as given (null: not given, use the environment, profile or config).</summary>
internal sealed record AwsConnectionOptions
{
    public string? Profile { get; init; }

    public string? Region { get; init; }

    public Uri? EndpointUrl { get; init; }
}
