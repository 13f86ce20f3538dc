using Amazon.Runtime;
using EksAccess.Aws.Http;
using EksAccess.Aws.Sts;
using EksAccess.Aws.Sts.Model;
using EksAccess.Core.Identity;
using EksAccess.Core.Tokens;
using EksAccess.Core.Authentication;

namespace EksAccess.Aws.Tokens;

/// <summary>
/// Mints EKS tokens as <c>aws eks get-token</c> does, with the credential chain every eksaccess command uses
/// (<see cref="AwsClientSettings"/>), and reuses a cached one while at least 5 of its 15 minutes remain. The cache is
/// keyed on the signing credentials' access key id, so another identity never gets this one's token; credentials without
/// an access key id are never cached.
/// </summary>
public sealed class EksTokenGenerator
{
    private readonly AwsClientSettings _settings;
    private readonly TimeProvider _time;
    private readonly EksTokenCache? _cache;

    /// <summary>A generator signing with <paramref name="settings"/>'s credentials at <paramref name="time"/>'s now; <paramref name="cache"/> null never caches.</summary>
    public EksTokenGenerator(AwsClientSettings settings, TimeProvider time, EksTokenCache? cache)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
        _cache = cache;
    }

    /// <exception cref="AwsConfigurationException">No region, no credentials, or a bad argument.</exception>
    /// <exception cref="AwsServiceException">AssumeRole failed.</exception>
    public async Task<EksTokenResult> GetTokenAsync(EksTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var settings = request.Region is null ? _settings : _settings with { Region = request.Region };
        var endpoints = new AwsEndpointResolver(settings);
        var region = endpoints.Region
            ?? throw new AwsConfigurationException("no AWS region for the token: pass --region, set AWS_REGION, or set region in the profile");
        if (!StsTokenEndpoint.IsValidRegion(region))
        {
            throw new AwsConfigurationException($"'{region}' is not an AWS region name (e.g. us-east-1)");
        }

        var source = new AwsCredentialSource(settings, endpoints);
        var credentials = await source.GetAsync();
        cancellationToken.ThrowIfCancellationRequested();

        var sessionName = request.RoleArn is null ? null : request.SessionName ?? IdentityResolver.DefaultSessionName;
        var key = request.NoCache || _cache is null
            ? null
            : EksTokenCacheKey.Compute(request.ClusterName, region, request.RoleArn, sessionName, endpoints.ProfileName, credentials.AccessKey);
        if (key is not null && _cache!.TryGet(key, _time.GetUtcNow()) is { } cached)
        {
            return new EksTokenResult(cached.Token, cached.SignedAt, FromCache: true);
        }

        if (request.RoleArn is not null)
        {
            credentials = await AssumeRoleAsync(settings, source.Credentials, request.RoleArn, sessionName!, cancellationToken);
        }

        var now = _time.GetUtcNow();
        var signedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var token = EksTokenPresigner.CreateToken(request.ClusterName, region, credentials, signedAt.UtcDateTime);
        if (key is not null)
        {
            _cache!.TryPut(key, new CachedEksToken(token, signedAt));
        }

        return new EksTokenResult(token, signedAt, FromCache: false);
    }

    private static void Validate(EksTokenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClusterName))
        {
            throw new AwsConfigurationException("the cluster name is empty: pass --cluster-name NAME");
        }

        if (request.RoleArn is not null)
        {
            if (!IamPrincipalArn.TryParse(request.RoleArn, out var role, out var error))
            {
                throw new AwsConfigurationException($"--role-arn '{request.RoleArn}': {error}");
            }

            if (role.Kind != IamPrincipalKind.Role)
            {
                throw new AwsConfigurationException($"--role-arn '{request.RoleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
            }
        }

        if (request.SessionName is not null && !IamPrincipalArn.IsValidSessionName(request.SessionName))
        {
            throw new AwsConfigurationException($"--session-name '{request.SessionName}': 2-64 characters of letters, digits and +=,.@_-");
        }
    }

    private static async Task<ImmutableCredentials> AssumeRoleAsync(
        AwsClientSettings settings, AWSCredentials source, string roleArn, string sessionName, CancellationToken cancellationToken)
    {
        // Only STS, not AwsClients.Create: the NativeAOT eksaccess-token must not reach the JSON clients' reflection.
        var explicitSettings = settings with { Credentials = source };
        var endpoints = new AwsEndpointResolver(explicitSettings);
        var transport = new AwsTransport(explicitSettings, endpoints, new AwsCredentialSource(explicitSettings, endpoints), AwsTransport.SharedHttpClient);
        var sts = new StsClient(transport);
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName }, cancellationToken);
        var assumed = response.Credentials;
        if (assumed?.AccessKeyId is null || assumed.SecretAccessKey is null)
        {
            throw new AwsServiceException("AssumeRole", "MissingCredentials", statusCode: null, $"AssumeRole on {roleArn} returned no credentials", requestId: null);
        }

        return new ImmutableCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken);
    }
}
