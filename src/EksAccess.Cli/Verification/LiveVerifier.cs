using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Verification;
using EksAccess.Kubernetes;
using EksAccess.Core.Authentication;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Verification;

/// <summary>
/// verify --live: each test's principal is resolved on the live snapshot as EKS would (access entry or aws-auth), and
/// each check is asked twice — of the model (offline) and of the cluster, with a SubjectAccessReview carrying exactly
/// the username and groups EKS gives (system:authenticated included: a SAR adds nothing).
/// </summary>
internal static class LiveVerifier
{
    public static async Task<ImmutableArray<LiveCheckResult>> RunAsync(AccessConfig config, AccessModel model, IKubernetesClusterClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(client);
        var offline = AccessTestRunner.Run(config, model);
        var results = ImmutableArray.CreateBuilder<LiveCheckResult>(offline.Length);
        var index = 0;
        foreach (var test in config.Tests)
        {
            var resolution = model.Identities.Resolve(PrincipalResolver.PrincipalArn(config, test.As));
            foreach (var check in test.Allow.Concat(test.Deny))
            {
                var result = offline[index++];
                if (resolution is not IdentityResolution.Mapped mapped || !CanIQueryParser.TryParse(check.Text, out var query, out _))
                {
                    results.Add(new LiveCheckResult(result, PredictedReview: false, LiveReview: null, "", AllowedByAccessPolicy: false));
                    continue;
                }

                var request = RequestBuilder.Build(query, model.Resources, RequestMode.RealRequest).Request;
                var user = mapped.ToUserInfo();
                var predicted = model.Authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(user), request).Allowed;
                var review = await client.ReviewAccessAsync(user, request, cancellationToken);
                results.Add(new LiveCheckResult(result, predicted, review.Allowed, review.Reason, AllowedByAccessPolicy: result.ActualAllowed && !predicted));
            }
        }

        return results.MoveToImmutable();
    }
}
