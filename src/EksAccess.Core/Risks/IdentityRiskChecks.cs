using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Risks;

/// <summary>
/// The rules about how IAM principals become Kubernetes identities: system:masters, anonymous grants, aws-auth,
/// access entries' admin policies, mapAccounts, IAM users, the creator's bootstrap admin and orphaned entries.
/// </summary>
internal static class IdentityRiskChecks
{
    private const string ClusterAdminPolicy = "AmazonEKSClusterAdminPolicy";
    private const string AdminPolicy = "AmazonEKSAdminPolicy";

    public static void Run(AccessModel model, PrincipalIndex principals, RiskOptions options, FindingCollector findings)
    {
        Masters(principals, findings);
        Anonymous(model, principals, findings);
        AwsAuth(model, principals, findings);
        AccessEntries(model, principals, findings);
        foreach (var (_, identity, path) in principals.Principals.Where(p => p.Known.Principal.Contains(":user/", StringComparison.Ordinal)))
        {
            findings.Add(Check("E-IAMUSER", new RiskSubject(Subject.UserKind, identity.Username), [path], path.Steps) with { Location = Source(identity) });
        }

        if (options.BootstrapCreatorAdmin == true)
        {
            findings.Add(Check("E-CREATOR", null, [], ["cluster accessConfig.bootstrapClusterCreatorAdminPermissions = true"]));
        }

        foreach (var (arn, why) in options.OrphanedPrincipals ?? ImmutableDictionary<string, string>.Empty)
        {
            findings.Add(Check("E-ORPHAN", null, [new PrincipalPath(arn, [arn])], [arn, why]));
        }
    }

    public static RiskFinding Check(string id, RiskSubject? subject, ImmutableArray<PrincipalPath> paths, ImmutableArray<string> chain, string ns = "")
    {
        var (severity, message, fix) = RiskRules.Checks[id];
        return new RiskFinding(id, severity, message, fix, subject, ns, paths, chain);
    }

    private static void Masters(PrincipalIndex principals, FindingCollector findings)
    {
        var subject = new RiskSubject(Subject.GroupKind, PrivilegedGroupReason.SystemMasters);
        var paths = principals.Reaching(subject);
        foreach (var path in paths)
        {
            findings.Add(Check("R-MASTERS", subject, [path], path.Steps.Add(new PrivilegedGroupReason(PrivilegedGroupReason.SystemMasters).Explain())));
        }
    }

    /// <summary>Grants to anonymous, unauthenticated or every authenticated caller beyond the Kubernetes default (discovery) bindings.</summary>
    private static void Anonymous(AccessModel model, PrincipalIndex principals, FindingCollector findings)
    {
        var defaults = DefaultRbac.ClusterRoleBindings.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var namespaces = model.Authorizer.Rbac.BindingNamespaces.Order(StringComparer.Ordinal).Prepend("").ToList();
        (RiskSubject Subject, UserInfo User)[] callers =
        [
            (new RiskSubject(Subject.UserKind, "system:anonymous"), new UserInfo("system:anonymous", [])),
            (new RiskSubject(Subject.GroupKind, "system:unauthenticated"), new UserInfo("", ["system:unauthenticated"])),
            (new RiskSubject(Subject.GroupKind, IdentityResolution.AuthenticatedGroup), new UserInfo("", [IdentityResolution.AuthenticatedGroup])),
        ];
        foreach (var (subject, user) in callers)
        {
            foreach (var ns in namespaces)
            {
                var granted = model.Authorizer.Rbac.RulesFor(user, ns)
                    .FirstOrDefault(g => (ns.Length == 0) == (g.Source.BindingKind == BindingKind.ClusterRoleBinding) && !defaults.Contains(g.Source.BindingName));
                if (granted is not null)
                {
                    var paths = principals.Reaching(subject);
                    findings.Add(Check("R-ANON", subject, paths, [granted.Source.Explain(), $"rule {granted.Source.RuleIndex}: {RiskText.Describe(granted.Rule)}"], ns) with
                    {
                        Severity = ns.Length == 0 ? RiskSeverity.Critical : RiskSeverity.High,
                    });
                }
            }
        }
    }

    private static void AwsAuth(AccessModel model, PrincipalIndex principals, FindingCollector findings)
    {
        var mode = model.Identities.Mode;
        var awsAuth = model.Identities.AwsAuth;
        var hasMappings = awsAuth.MapRoles.Length + awsAuth.MapUsers.Length + awsAuth.MapAccounts.Length > 0;
        if (mode == AuthenticationMode.ConfigMap || (mode == AuthenticationMode.ApiAndConfigMap && hasMappings))
        {
            findings.Add(Check("E-CONFIGMAP-MODE", null, [], [$"authenticationMode {mode.ToWire()}", $"aws-auth: {awsAuth.MapRoles.Length} mapRoles, {awsAuth.MapUsers.Length} mapUsers, {awsAuth.MapAccounts.Length} mapAccounts"]));
        }

        if (mode == AuthenticationMode.Api)
        {
            return; // aws-auth is ignored
        }

        var byArn = principals.Principals.ToLookup(p => p.Known.Principal, StringComparer.Ordinal);
        var masters = awsAuth.MapRoles.Select(m => (Arn: m.RoleArn, m.Username, m.Groups, Described: m.Describe(), m.Location))
            .Concat(awsAuth.MapUsers.Select(m => (Arn: m.UserArn, m.Username, m.Groups, Described: m.Describe(), m.Location)))
            .Where(m => m.Groups.Contains(PrivilegedGroupReason.SystemMasters, StringComparer.Ordinal));
        foreach (var mapping in masters)
        {
            ImmutableArray<PrincipalPath> paths = [.. byArn[mapping.Arn].Select(p => p.Path)];
            findings.Add(Check("E-MASTERS-MAP", new RiskSubject(Subject.UserKind, mapping.Username ?? ""), paths.IsEmpty ? [new PrincipalPath(mapping.Arn, [mapping.Arn])] : paths, [mapping.Arn, mapping.Described, $"groups [{string.Join(", ", mapping.Groups)}]"])
                with
            { Location = Where(mapping.Location) });
        }

        foreach (var account in awsAuth.AccountMappings)
        {
            findings.Add(Check("E-MAPACCOUNTS", null, [.. principals.Principals.Where(p => string.Equals(p.Known.WildcardAccountId, account.AccountId, StringComparison.Ordinal)).Select(p => p.Path)], [account.Describe()])
                with
            { Location = Where(account.Location) });
        }
    }

    private static void AccessEntries(AccessModel model, PrincipalIndex principals, FindingCollector findings)
    {
        foreach (var (_, identity, path) in principals.Principals)
        {
            if (identity.Entry is not { } entry)
            {
                continue;
            }

            var subject = new RiskSubject(Subject.UserKind, identity.Username);
            foreach (var association in entry.AssociatedAccessPolicies.IsDefault ? [] : entry.AssociatedAccessPolicies)
            {
                var name = AccessPolicyCatalog.NameOf(association.PolicyArn);
                if (string.Equals(name, ClusterAdminPolicy, StringComparison.Ordinal) || (string.Equals(name, AdminPolicy, StringComparison.Ordinal) && association.AccessScope.IsCluster))
                {
                    var scope = association.AccessScope.IsCluster ? "cluster scope" : $"namespace scope: {string.Join(", ", association.AccessScope.Namespaces)}";
                    findings.Add(Check("E-ADMIN-POLICY", subject, [path], path.Steps.Add($"access policy {name} ({scope})")) with { Location = entry.Source });
                }
            }

            // kubernetesGroups bound to cluster-admin: asked through RBAC, as the group alone.
            foreach (var group in entry.KubernetesGroups.IsDefault ? [] : entry.KubernetesGroups)
            {
                var decision = model.Authorizer.Rbac.Authorize(new UserInfo("", [group]), AccessRequest.ForResource("eksaccess-probe", "eksaccess-probe.invalid", "eksaccess-probe"));
                if (decision.Reason is RbacReason { RoleName: "cluster-admin" } reason)
                {
                    findings.Add(Check("E-ADMIN-POLICY", new RiskSubject(Subject.GroupKind, group), [path], path.Steps.Add(reason.Explain())) with { Location = entry.Source });
                }
            }
        }
    }

    private static string? Source(IdentityResolution.Mapped identity)
    {
        if (identity.Entry?.Source is { } source)
        {
            return source;
        }

        var location = identity.RoleMapping?.Location ?? identity.UserMapping?.Location;
        return location is { } found ? Where(found) : null;
    }

    private static string? Where(SourceLocation location) => location.File.Length == 0 || location.Line == 0 ? null : location.ToString();
}
