using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Authentication;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Verification;

/// <summary>
/// Runs a config's <c>tests:</c> against a model: each principal is authenticated as EKS would (access entry or
/// aws-auth), each check is the real request its kubectl command would send, and the decision is compared with
/// what the test expects.
/// </summary>
public static class AccessTestRunner
{
    public static ImmutableArray<TestCheckResult> Run(AccessConfig config, AccessModel model)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        var results = ImmutableArray.CreateBuilder<TestCheckResult>();
        foreach (var test in config.Tests)
        {
            var principalArn = PrincipalResolver.PrincipalArn(config, test.As);
            var resolution = model.Identities.Resolve(principalArn);
            foreach (var check in test.Allow)
            {
                results.Add(Evaluate(test, check, expectedAllowed: true, resolution, model));
            }

            foreach (var check in test.Deny)
            {
                results.Add(Evaluate(test, check, expectedAllowed: false, resolution, model));
            }
        }

        return results.ToImmutable();
    }

    private static TestCheckResult Evaluate(TestConfig test, TestCheck check, bool expectedAllowed, IdentityResolution resolution, AccessModel model)
    {
        if (!CanIQueryParser.TryParse(check.Text, out var query, out var error))
        {
            // validate rejects these first; a snapshot run still reports them instead of throwing.
            return new TestCheckResult(test.As, "-", check, expectedAllowed, ActualAllowed: false, $"check does not parse: {error}");
        }

        if (resolution is not IdentityResolution.Mapped mapped)
        {
            var reason = resolution is IdentityResolution.Rejected rejected ? rejected.Reason : "not authenticated";
            return new TestCheckResult(test.As, "(rejected)", check, expectedAllowed, ActualAllowed: false, $"authentication fails: {reason}");
        }

        var built = RequestBuilder.Build(query, model.Resources, RequestMode.RealRequest);
        var policies = mapped.Entry?.AssociatedAccessPolicies ?? [];
        var decision = model.Authorizer.Authorize(new AuthorizationSubject(new UserInfo(mapped.Username, mapped.Groups), policies), built.Request);
        return new TestCheckResult(test.As, mapped.Username, check, expectedAllowed, decision.Allowed, decision.Explain());
    }
}
