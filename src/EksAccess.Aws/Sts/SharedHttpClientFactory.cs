using Amazon.Runtime;
using EksAccess.Aws.Http;

namespace EksAccess.Aws.Sts;

/// <summary>Gives the SDK's STS client the shared HttpClient, so every AWS call reuses one connection pool.</summary>
internal sealed class SharedHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => AwsTransport.SharedHttpClient;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
}
