using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Polly;
using Polly.Retry;

namespace EksAccess.Aws.Http;

/// <summary>
/// Signs (SigV4, AWSSDK.Core's <c>AWS4Signer</c>) and sends one API call over the shared HttpClient, retrying
/// throttling, 5xx, timeouts and connection failures with jittered exponential backoff (Polly). Every attempt is
/// signed afresh. Failures come out as <see cref="AwsServiceException"/>; configuration problems as
/// <see cref="AwsConfigurationException"/> (not retried).
/// </summary>
internal sealed class AwsTransport
{
    private static readonly Lazy<HttpClient> Shared = new(CreateHttpClient);

    private readonly AwsClientSettings _settings;
    private readonly AwsEndpointResolver _endpoints;
    private readonly AwsCredentialSource _credentials;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConcurrentDictionary<(string Service, string Region), ClientConfig> _signingConfigs = new();

    public AwsTransport(AwsClientSettings settings, AwsEndpointResolver endpoints, AwsCredentialSource credentials, HttpClient http)
    {
        _settings = settings;
        _endpoints = endpoints;
        _credentials = credentials;
        _http = http;
        _pipeline = BuildPipeline(settings);
    }

    /// <summary>The one HttpClient every client shares (pooled connections, recycled every few minutes for DNS).</summary>
    public static HttpClient SharedHttpClient => Shared.Value;

    public AwsEndpointResolver Endpoints => _endpoints;

    public AwsCredentialSource Credentials => _credentials;

    public AwsClientSettings Settings => _settings;

    public async Task<AwsWireResponse> SendAsync(AwsWireRequest request, AwsErrorParser parseError, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints.Resolve(request.Service);
        return await ExecuteAsync(
            request.Operation,
            endpoint.Url,
            token => SendOnceAsync(request, endpoint, parseError, token),
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the retry policy and turns transport failures into
    /// <see cref="AwsServiceException"/>. Shared with the SDK-backed STS client.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string operation, Uri endpoint, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await attempt(token), cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsServiceException(
                operation,
                "RequestFailed",
                statusCode: null,
                $"cannot reach {endpoint.GetLeftPart(UriPartial.Authority)} after {_settings.MaxAttempts} attempts: {exception.Message}",
                requestId: null,
                exception);
        }
        catch (TimeoutException exception)
        {
            throw new AwsServiceException(
                operation,
                "RequestTimeout",
                statusCode: null,
                $"no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within {_settings.AttemptTimeout.TotalSeconds:0.#} s, {_settings.MaxAttempts} attempts",
                requestId: null,
                exception);
        }
    }

    /// <summary>Runs <paramref name="send"/> with the per-attempt timeout; a timeout becomes a retryable <see cref="TimeoutException"/>.</summary>
    public async Task<T> WithAttemptTimeoutAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_settings.AttemptTimeout);
        try
        {
            return await send(attempt.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("the attempt timed out", exception);
        }
    }

    private async Task<AwsWireResponse> SendOnceAsync(AwsWireRequest request, AwsEndpoint endpoint, AwsErrorParser parseError, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync();
        using var message = Sign(request, endpoint, credentials);
        var response = await WithAttemptTimeoutAsync(
            async token =>
            {
                using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
                var body = await answer.Content.ReadAsStringAsync(token);
                return new AwsWireResponse(
                    answer.StatusCode,
                    body,
                    Header(answer, "x-amzn-ErrorType"),
                    Header(answer, "x-amzn-RequestId") ?? Header(answer, "x-amz-request-id"));
            },
            cancellationToken);

        if (response.IsSuccess)
        {
            return response;
        }

        var error = parseError(response);
        throw new AwsServiceException(request.Operation, error.Code, response.StatusCode, error.Message, error.RequestId ?? response.RequestId);
    }

    /// <summary>Builds the signed HTTP request (exposed for tests through <see cref="Sign"/>'s callers only).</summary>
    internal HttpRequestMessage Sign(AwsWireRequest request, AwsEndpoint endpoint, ImmutableCredentials credentials)
    {
        using var sdkRequest = new DefaultRequest(new RawAwsRequest(), endpoint.SigningName)
        {
            HttpMethod = request.Method,
            Endpoint = endpoint.Url,
            ResourcePath = request.ResourcePath,
            OverrideSigningServiceName = endpoint.SigningName,
            AuthenticationRegion = endpoint.SigningRegion,
        };
        foreach (var (name, value) in request.PathResources)
        {
            sdkRequest.AddPathResource("{" + name + "}", value);
        }

        if (request.QueryParameters.Count > 0)
        {
            sdkRequest.UseQueryString = true;
            foreach (var group in request.QueryParameters.GroupBy(p => p.Key, StringComparer.Ordinal))
            {
                var values = group.Select(p => p.Value).ToList();
                if (values.Count == 1)
                {
                    sdkRequest.ParameterCollection.Add(group.Key, values[0]);
                }
                else
                {
                    sdkRequest.ParameterCollection.Add(group.Key, values);
                }
            }
        }

        if (request.Content is not null)
        {
            sdkRequest.Content = request.Content;
            sdkRequest.Headers["Content-Type"] = request.ContentType ?? "application/octet-stream";
        }

        foreach (var (name, value) in request.Headers)
        {
            sdkRequest.Headers[name] = value;
        }

        if (credentials.UseToken)
        {
            sdkRequest.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var config = _signingConfigs.GetOrAdd(
            (endpoint.SigningName, endpoint.SigningRegion),
            key => new AmazonSecurityTokenServiceConfig { AuthenticationServiceName = key.Service, AuthenticationRegion = key.Region });
        var signature = new AWS4Signer().SignRequest(sdkRequest, config, null, credentials.AccessKey, credentials.SecretKey);
        sdkRequest.Headers["Authorization"] = signature.ForAuthorizationHeader;

        var message = new HttpRequestMessage(new HttpMethod(request.Method), AmazonServiceClient.ComposeUrl(sdkRequest));
        if (request.Content is not null)
        {
            message.Content = new ByteArrayContent(request.Content);
        }

        foreach (var (name, value) in sdkRequest.Headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
                continue;
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("User-Agent", "eksaccess/0.1");
        return message;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ResiliencePipeline BuildPipeline(AwsClientSettings settings)
    {
        var builder = new ResiliencePipelineBuilder();
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<AwsServiceException>(AwsRetryPolicy.IsRetryable)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>(),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
            });
        }

        return builder.Build();
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
