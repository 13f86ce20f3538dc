using EksAccess.Aws.CloudTrail.Model;

namespace EksAccess.Aws.CloudTrail;

/// <summary>
/// AWS CloudTrail (JSON 1.1), shaped like AWSSDK.CloudTrail's <c>IAmazonCloudTrail</c>.
/// Failures surface as <see cref="AwsServiceException"/> after bounded retries of throttling and transient errors.
/// </summary>
public interface ICloudTrailClient
{
    Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, CancellationToken cancellationToken);
}
