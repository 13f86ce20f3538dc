using System.CommandLine;
using EksAccess.Aws;
using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// The connection options every AWS command shares, as the aws CLI spells them: --profile, --region, --endpoint-url.
/// Each command makes its own instance (an option belongs to one command) and adds it with <see cref="AddTo"/>.
/// </summary>
internal sealed class AwsOptions
{
    public AwsOptions(string regionDescription = "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    {
        Region = new Option<string?>("--region") { Description = regionDescription };
    }

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The shared-config profile for credentials and region (default: AWS_PROFILE, then the default chain).",
    };

    public Option<string?> Region { get; }

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send every AWS call to this URL (e.g. a local moto server) instead of the AWS endpoints.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Profile);
        command.Options.Add(Region);
        command.Options.Add(EndpointUrl);
    }

    public AwsConnectionOptions Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new AwsConnectionOptions
        {
            Profile = parseResult.GetValue(Profile),
            Region = parseResult.GetValue(Region),
            EndpointUrl = EndpointOption.Parse(parseResult.GetValue(EndpointUrl)),
        };
    }

    /// <summary>The client settings: the context's defaults, overridden by the options; <paramref name="fallbackRegion"/> (the config's cluster region) before the environment.</summary>
    public static AwsClientSettings Settings(CliContext context, AwsConnectionOptions options, string? fallbackRegion)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var defaults = context.AwsDefaults;
        return defaults with
        {
            Profile = options.Profile ?? defaults.Profile,
            Region = options.Region ?? fallbackRegion ?? defaults.Region,
            EndpointUrl = options.EndpointUrl ?? defaults.EndpointUrl,
        };
    }
}
