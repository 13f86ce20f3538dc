using Amazon.Runtime;

namespace EksAccess.Aws;

/// <summary>
/// How to reach AWS, resolved the way AWS CLI users expect:
/// <list type="bullet">
/// <item>credentials: <see cref="Credentials"/> if set; else the named profile (<see cref="Profile"/>, then
/// <c>AWS_PROFILE</c>) from the shared config/credentials files (static keys, role_arn/source_profile, SSO,
/// credential_process, web identity); else AWSSDK.Core's default chain (environment, profile, web identity,
/// container and instance metadata);</item>
/// <item>region: <see cref="Region"/>, then <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's
/// <c>region</c>;</item>
/// <item>endpoint: <see cref="EndpointUrl"/> (every service, like <c>--endpoint-url</c>), then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (EKS, IAM, STS, CLOUDTRAIL, CLOUDWATCH_LOGS), then
/// <c>AWS_ENDPOINT_URL</c>, then the partition's standard endpoint (IAM: its global endpoint).</item>
/// </list>
/// </summary>
public sealed record AwsClientSettings
{
    /// <summary>The region (<c>--region</c>); null to take it from the environment or profile.</summary>
    public string? Region { get; init; }

    /// <summary>The shared-config profile (<c>--profile</c>); null for <c>AWS_PROFILE</c> or the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>An endpoint for every service (<c>--endpoint-url</c>), e.g. a local moto server.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Explicit credentials, bypassing the chain (tests, or credentials from an earlier AssumeRole).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Attempts per call, the first included (throttling, 5xx, timeouts, connection failures).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's median delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as a (retried) timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reads an environment variable; replace it in tests. Defaults to the process environment.</summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;
}
