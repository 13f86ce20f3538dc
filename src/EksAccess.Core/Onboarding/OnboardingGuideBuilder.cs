using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Verification;
using EksAccess.Core.Authentication;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Onboarding;

/// <summary>Builds a developer's <see cref="OnboardingGuide"/> from the access config and a model (desired state or snapshot).</summary>
public static class OnboardingGuideBuilder
{
    /// <summary>Cluster-scoped questions every developer asks first.</summary>
    public static ImmutableArray<string> ClusterWideQuestions { get; } =
    [
        "list namespaces",
        "list nodes",
        "create namespaces",
        "list clusterroles.rbac.authorization.k8s.io",
        "create clusterrolebindings.rbac.authorization.k8s.io",
        "list pods -A",
        "list secrets -A",
    ];

    /// <summary>Every name <c>--principal</c> accepts, for the hint when it matches none.</summary>
    public static ImmutableArray<string> KnownPrincipals(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            .. config.Iam.Users.Select(u => u.Name)
                .Concat(config.Iam.Roles.Select(r => r.Name))
                .Concat(config.Teams.SelectMany(t => t.Members))
                .Concat(config.Admins.Select(a => a.Principal))
                .Concat(config.Tests.Select(t => t.As))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <exception cref="ArgumentException">The principal is neither a config user or role, a name the config uses, nor an IAM ARN.</exception>
    public static OnboardingGuide Build(AccessConfig config, AccessModel model, string principal)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(principal);
        var principalArn = PrincipalResolver.PrincipalArn(config, principal);
        if (!IamPrincipalArn.TryParse(principalArn, out var parsed, out var error))
        {
            throw new ArgumentException($"'{principal}': {error}", nameof(principal));
        }

        // A role is used through --role-arn; an assumed-role session stands for its role.
        string? roleArn = parsed.Kind switch
        {
            IamPrincipalKind.Role => parsed.Value,
            IamPrincipalKind.AssumedRole => $"arn:{parsed.Partition}:iam::{parsed.AccountId}:role/{parsed.Name}",
            _ => null,
        };
        string? roleNote = null;
        var identity = model.Identities.Resolve(roleArn ?? principalArn);
        if (roleArn is null && identity is IdentityResolution.Rejected && parsed.Kind == IamPrincipalKind.User)
        {
            // A user who is not mapped may still get in by assuming a role their IAM group allows (seed 001).
            foreach (var (group, role) in AssumableRoles(config, parsed.Name))
            {
                var candidate = PrincipalResolver.RoleArn(config.Cluster, role);
                var viaRole = model.Identities.Resolve(candidate);
                if (viaRole is IdentityResolution.Mapped)
                {
                    roleArn = candidate;
                    roleNote = $"{parsed.Name} is not mapped into the cluster itself; IAM group {group} lets it assume {role.Name}, which is";
                    identity = viaRole;
                    break;
                }
            }
        }

        var testedArns = new HashSet<string>(StringComparer.Ordinal) { principalArn };
        if (roleArn is not null)
        {
            testedArns.Add(roleArn);
        }

        var tests = AccessTestRunner.Run(config, model)
            .Where(r => testedArns.Contains(PrincipalResolver.PrincipalArn(config, r.As)))
            .ToImmutableArray();

        var subject = identity is IdentityResolution.Mapped mapped
            ? new AuthorizationSubject(mapped.ToUserInfo(), mapped.Entry?.AssociatedAccessPolicies ?? [])
            : null;
        var namespaces = Namespaces(config, model);
        var matrix = AccessMatrix.Compute(model, [roleArn ?? principalArn], namespaces, MatrixAction.Common);
        var namespaceAccess = namespaces
            .Select((ns, n) => new NamespaceAccess(ns, [.. matrix.Actions.Select((a, i) => new ActionAnswer($"{a.Label} -n {ns}", matrix.Allowed[0][n][i]))]))
            .ToImmutableArray();
        var clusterWide = ClusterWideQuestions
            .Select(q => new ActionAnswer(q, subject is not null && Allowed(model, subject, q)))
            .ToImmutableArray();

        var iamName = PrincipalResolver.IamNameOf(principalArn);
        return new OnboardingGuide
        {
            ClusterName = config.Cluster.Name,
            Region = config.Cluster.Region,
            ClusterArn = config.Cluster.ClusterArn,
            Principal = principal,
            PrincipalArn = principalArn,
            RoleArn = roleArn,
            RoleNote = roleNote,
            ContextName = $"{config.Cluster.Name}-{iamName}",
            DefaultNamespace = DefaultNamespace(config, [.. testedArns]),
            Identity = identity,
            Tests = tests,
            Namespaces = namespaceAccess,
            ClusterWide = clusterWide,
        };
    }

    private static IEnumerable<(string Group, IamRoleConfig Role)> AssumableRoles(AccessConfig config, string userName) =>
        config.Iam.Groups
            .Where(g => g.Members.Contains(userName, StringComparer.Ordinal))
            .SelectMany(g => g.AssumeRoles.Select(name => (g.Name, Role: config.Iam.Roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal)))))
            .Where(x => x.Role is not null)
            .Select(x => (x.Name, x.Role!));

    /// <summary>The config's namespaces, then default and kube-system (what a developer is most often refused).</summary>
    private static ImmutableArray<string> Namespaces(AccessConfig config, AccessModel model) =>
    [
        .. config.Namespaces.Select(n => n.Name)
            .Concat(model.Snapshot.Namespaces.Select(n => n.Name))
            .Concat(["default", "kube-system"])
            .Distinct(StringComparer.Ordinal),
    ];

    private static string? DefaultNamespace(AccessConfig config, ImmutableArray<string> arns) =>
        config.Teams
            .Where(t => t.Members.Any(m => arns.Contains(PrincipalResolver.PrincipalArn(config, m), StringComparer.Ordinal)))
            .SelectMany(t => t.Namespaces)
            .Select(g => g.Namespace)
            .FirstOrDefault();

    private static bool Allowed(AccessModel model, AuthorizationSubject subject, string question)
    {
        if (!CanIQueryParser.TryParse(question, out var query, out _))
        {
            return false;
        }

        var built = RequestBuilder.Build(query, model.Resources, RequestMode.RealRequest);
        return model.Authorizer.Authorize(subject, built.Request).Allowed;
    }
}
