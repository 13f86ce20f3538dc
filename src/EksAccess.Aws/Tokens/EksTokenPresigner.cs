using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using EksAccess.Aws.Http;
using EksAccess.Core.Tokens;

namespace EksAccess.Aws.Tokens;

/// <summary>
/// Presigns the STS GetCallerIdentity URL an EKS token carries (docs/reference/eks-semantics.md §g): GET on the region's STS endpoint,
/// <c>Action=GetCallerIdentity&amp;Version=2011-06-15</c>, <c>X-Amz-Expires=60</c>, signed headers
/// <c>host;x-k8s-aws-id</c> with <c>x-k8s-aws-id</c> = the cluster name, and <c>X-Amz-Security-Token</c> for session
/// credentials. Signing is local: no network.
/// </summary>
public static class EksTokenPresigner
{
    public const string ClusterIdHeader = "x-k8s-aws-id";

    /// <summary>The presigned URL, signed as of <paramref name="signedAtUtc"/> (deterministic for fixed inputs).</summary>
    /// <exception cref="ArgumentException">The region is not a region name, or the cluster name is empty.</exception>
    public static string Presign(string clusterName, string region, ImmutableCredentials credentials, DateTime signedAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(credentials);
        var endpoint = StsTokenEndpoint.ForRegion(region);

        var request = new DefaultRequest(new RawAwsRequest(), "sts")
        {
            HttpMethod = "GET",
            Endpoint = endpoint,
            ResourcePath = "/",
            UseQueryString = true,
            AuthenticationRegion = region,
            OverrideSigningServiceName = "sts",
        };
        request.Parameters["Action"] = "GetCallerIdentity";
        request.Parameters["Version"] = "2011-06-15";
        request.Parameters["X-Amz-Expires"] = EksTokenLifetime.PresignExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (credentials.UseToken)
        {
            request.Parameters["X-Amz-Security-Token"] = credentials.Token;
        }

        request.Headers[ClusterIdHeader] = clusterName;
        var config = new AmazonSecurityTokenServiceConfig { AuthenticationRegion = region };
        var result = AWS4PreSignedUrlSigner.SignRequest(
            request, config, metrics: null, credentials.AccessKey, credentials.SecretKey, "sts", region, DateTime.SpecifyKind(signedAtUtc, DateTimeKind.Utc));
        return AmazonServiceClient.ComposeUrl(request).AbsoluteUri + "&" + result.ForQueryParameters;
    }

    /// <summary>The token for <see cref="Presign"/>'s URL.</summary>
    public static string CreateToken(string clusterName, string region, ImmutableCredentials credentials, DateTime signedAtUtc) =>
        EksToken.Encode(Presign(clusterName, region, credentials, signedAtUtc));
}
