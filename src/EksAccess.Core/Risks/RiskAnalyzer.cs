using System.Collections.Immutable;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Risks;

/// <summary>
/// <c>eksaccess risks</c>: every rule of docs/reference/risk-rules.md, asked of the evaluator (RBAC who-can per probe,
/// the access-policy authorizer per association, the identity resolver for the chain back to IAM), never of the YAML.
/// </summary>
public static class RiskAnalyzer
{
    public static RiskReport Analyze(AccessModel model, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        // cluster.json says whether the creator's bootstrap admin is on, unless the caller already knows.
        options = options.BootstrapCreatorAdmin is null && model.Snapshot.Cluster?.BootstrapClusterCreatorAdminPermissions is { } bootstrap
            ? options with { BootstrapCreatorAdmin = bootstrap }
            : options;
        var principals = new PrincipalIndex(model, options);
        var findings = new FindingCollector();
        var sources = BindingSources(model);
        RbacRiskScan.Run(model, principals, findings, key => sources.TryGetValue(key, out var source) ? source : null);
        PolicyRiskScan.Run(model, principals, findings);
        IdentityRiskChecks.Run(model, principals, options, findings);
        HygieneChecks.Run(model, principals, options, findings);

        var result = findings.ToFindings().Select(f => Acknowledge(f, options) with { IsSystem = SystemNames.IsSystem(f) })
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Namespace, StringComparer.Ordinal)
            .ThenBy(f => f.Subject?.ToString() ?? "", StringComparer.Ordinal);
        return new RiskReport([.. result], NotEvaluated(model, options));
    }

    /// <summary>Principals the config declares as admins are meant to be: their findings stay, at low (docs/decisions/risks.md).</summary>
    private static RiskFinding Acknowledge(RiskFinding finding, RiskOptions options) =>
        !finding.Paths.IsEmpty && !options.DeclaredAdmins.IsEmpty && finding.Paths.All(p => options.DeclaredAdmins.Contains(p.PrincipalArn))
            ? finding with { Severity = RiskSeverity.Low, Message = finding.Message + " (declared under admins:)" }
            : finding;

    private static ImmutableArray<string> NotEvaluated(AccessModel model, RiskOptions options)
    {
        var missing = ImmutableArray.CreateBuilder<string>();
        if (options.BootstrapCreatorAdmin is null)
        {
            missing.Add("E-CREATOR (needs cluster.json's accessConfig, or live)");
        }

        if (options.OrphanedPrincipals is null)
        {
            missing.Add("E-ORPHAN (needs IAM principal ids: live)");
        }

        missing.Add("E-EKS-API-ADMIN, E-NODEROLE (need IAM policies and trust: not yet evaluated)");
        missing.Add("E-IRSA (snapshots keep no ServiceAccount annotations)");
        if (options.SeenInAudit is null)
        {
            missing.Add("H-UNSEEN (needs --audit-file)");
        }

        if (model.Identities.Mode == AuthenticationMode.Api)
        {
            missing.Add("E-AWSAUTH-WRITE, E-MASTERS-MAP, E-MAPACCOUNTS (not applicable: authenticationMode API ignores aws-auth)");
        }

        return missing.ToImmutable();
    }

    /// <summary>Where each binding was written (<c>ns/name</c>, <c>/name</c> for ClusterRoleBindings), for SARIF locations.</summary>
    private static Dictionary<string, string> BindingSources(AccessModel model)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var binding in model.Snapshot.RoleBindings.Where(b => b.Source is not null))
        {
            sources.TryAdd(binding.Namespace + "/" + binding.Name, binding.Source!);
        }

        foreach (var binding in model.Snapshot.ClusterRoleBindings.Where(b => b.Source is not null))
        {
            sources.TryAdd("/" + binding.Name, binding.Source!);
        }

        return sources;
    }
}
