using Amazon.Runtime;

namespace EksAccess.Aws.Http;

/// <summary>The placeholder AWSSDK.Core's <c>DefaultRequest</c> needs; our requests carry their own data.</summary>
internal sealed class RawAwsRequest : AmazonWebServiceRequest
{
}
