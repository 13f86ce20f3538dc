using EksAccess.Aws.Sts.Model;

namespace EksAccess.Aws.Sts;

/// <summary>
/// AWS STS, shaped like AWSSDK.SecurityToken's <c>IAmazonSecurityTokenService</c> (and implemented with it).
/// Failures surface as <see cref="AwsServiceException"/> after bounded retries of throttling and transient errors.
/// </summary>
internal interface IStsClient
{
    Task<GetCallerIdentityResponse> GetCallerIdentityAsync(GetCallerIdentityRequest request, CancellationToken cancellationToken);

    Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken);
}
