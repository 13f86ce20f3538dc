using System.Runtime.ExceptionServices;
using Amazon.Runtime;
using Amazon.SecurityToken;
using EksAccess.Aws.Http;
using EksAccess.Aws.Sts.Model;
using Sdk = Amazon.SecurityToken.Model;

namespace EksAccess.Aws.Sts;

/// <summary>
/// <see cref="IStsClient"/> on AWSSDK.SecurityToken, with the same endpoint resolution, credentials, retry policy
/// and error type as the hand-signed clients (the SDK's own retries are off).
/// </summary>
internal sealed class StsClient : IStsClient
{
    private readonly AwsTransport _transport;
    private readonly Lazy<(AmazonSecurityTokenServiceClient Client, Uri Endpoint)> _client;

    public StsClient(AwsTransport transport)
    {
        _transport = transport;
        _client = new Lazy<(AmazonSecurityTokenServiceClient, Uri)>(Create);
    }

    public async Task<GetCallerIdentityResponse> GetCallerIdentityAsync(GetCallerIdentityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await CallAsync(
            "GetCallerIdentity",
            (client, token) => client.GetCallerIdentityAsync(new Sdk.GetCallerIdentityRequest(), token),
            cancellationToken);
        return new GetCallerIdentityResponse { UserId = response.UserId, Account = response.Account, Arn = response.Arn };
    }

    public async Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sdkRequest = new Sdk.AssumeRoleRequest
        {
            RoleArn = Required.Member(request.RoleArn, "AssumeRole", "RoleArn"),
            RoleSessionName = Required.Member(request.RoleSessionName, "AssumeRole", "RoleSessionName"),
            DurationSeconds = request.DurationSeconds,
            Policy = request.Policy,
            ExternalId = request.ExternalId,
            SourceIdentity = request.SourceIdentity,
        };
        var response = await CallAsync("AssumeRole", (client, token) => client.AssumeRoleAsync(sdkRequest, token), cancellationToken);
        return new AssumeRoleResponse
        {
            Credentials = response.Credentials is null
                ? null
                : new Credentials
                {
                    AccessKeyId = response.Credentials.AccessKeyId,
                    SecretAccessKey = response.Credentials.SecretAccessKey,
                    SessionToken = response.Credentials.SessionToken,
                    Expiration = response.Credentials.Expiration?.ToUniversalTime(),
                },
            AssumedRoleUser = response.AssumedRoleUser is null
                ? null
                : new AssumedRoleUser { AssumedRoleId = response.AssumedRoleUser.AssumedRoleId, Arn = response.AssumedRoleUser.Arn },
            SourceIdentity = response.SourceIdentity,
        };
    }

    private async Task<T> CallAsync<T>(string operation, Func<AmazonSecurityTokenServiceClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var (client, endpoint) = _client.Value;
        return await _transport.ExecuteAsync(
            operation,
            endpoint,
            async token =>
            {
                try
                {
                    return await _transport.WithAttemptTimeoutAsync(attemptToken => call(client, attemptToken), token);
                }
                catch (AmazonServiceException exception) when (exception.InnerException is HttpRequestException transport)
                {
                    ExceptionDispatchInfo.Capture(transport).Throw();
                    throw;
                }
                catch (AmazonServiceException exception)
                {
                    var code = string.IsNullOrEmpty(exception.ErrorCode) ? AwsErrorParsers.StatusCodeName(exception.StatusCode) : exception.ErrorCode;
                    throw new AwsServiceException(operation, code, (int)exception.StatusCode == 0 ? null : exception.StatusCode, exception.Message, exception.RequestId, exception);
                }
                catch (AmazonClientException exception) when (exception.InnerException is HttpRequestException transport)
                {
                    ExceptionDispatchInfo.Capture(transport).Throw();
                    throw;
                }
                catch (AmazonClientException exception)
                {
                    throw new AwsConfigurationException($"{operation}: {exception.Message}", exception);
                }
            },
            cancellationToken);
    }

    private (AmazonSecurityTokenServiceClient, Uri) Create()
    {
        var endpoint = _transport.Endpoints.Resolve(AwsService.Sts);
        var config = new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = endpoint.Url.ToString(),
            AuthenticationRegion = endpoint.SigningRegion,
            MaxErrorRetry = 0,
            HttpClientFactory = new SharedHttpClientFactory(),
        };
        return (new AmazonSecurityTokenServiceClient(_transport.Credentials.Credentials, config), endpoint.Url);
    }
}
