using EksAccess.Aws.CloudTrail.Model;
using EksAccess.Aws.Http;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.CloudTrail;

/// <summary><see cref="ICloudTrailClient"/> over JSON 1.1 (<c>CloudTrail_20131101</c>).</summary>
internal sealed class CloudTrailClient : ICloudTrailClient
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    private readonly JsonRpc _rpc;

    public CloudTrailClient(AwsTransport transport)
    {
        _rpc = new JsonRpc(transport, AwsService.CloudTrail, TargetPrefix, AwsJson.PascalCase);
    }

    public Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var attribute in request.LookupAttributes ?? [])
        {
            Required.Member(attribute.AttributeKey, "LookupEvents", "LookupAttributes[].AttributeKey");
            Required.Member(attribute.AttributeValue, "LookupEvents", "LookupAttributes[].AttributeValue");
        }

        return _rpc.CallAsync<LookupEventsRequest, LookupEventsResponse>("LookupEvents", request, cancellationToken);
    }
}
