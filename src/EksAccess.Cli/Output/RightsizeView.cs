using System.Text.Json.Nodes;
using EksAccess.Cli.Audit;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using EksAccess.Core.Rendering;
using EksAccess.Core.Rightsizing;
using EksAccess.Core.Snapshots;

namespace EksAccess.Cli.Output;

/// <summary>How <c>rightsize</c> prints a report: a table, the JSON of the contract (README), or the suggested Kubernetes objects.</summary>
internal static class RightsizeView
{
    public static JsonObject Json(RightsizeReport report) => new()
    {
        ["subject"] = new JsonObject
        {
            ["name"] = report.Subject.Name,
            ["principals"] = Array(report.Subject.PrincipalArns),
            ["usernames"] = Array(report.Subject.Usernames),
            ["groups"] = Array(report.Subject.Groups),
        },
        ["window"] = new JsonObject
        {
            ["since"] = AuditJson.Time(report.Window.Since),
            ["until"] = AuditJson.Time(report.Window.Until),
            ["events"] = report.Events,
            ["enoughData"] = report.EnoughData,
        },
        ["grants"] = new JsonArray([.. report.Grants.Select(Grant)]),
        ["uncovered"] = new JsonArray([.. report.Uncovered.Select(u => (JsonNode)new JsonObject
        {
            ["request"] = u.Request.ToString(),
            ["username"] = u.Username,
            ["requests"] = u.Count,
            ["lastSeen"] = AuditJson.Time(u.LastSeen),
        })]),
        ["suggestion"] = new JsonObject
        {
            ["objects"] = new JsonArray([.. Objects(report.Suggestion)]),
            ["accessPolicies"] = new JsonArray([.. report.Suggestion.PolicyRecommendations.Select(p => (JsonNode)new JsonObject
            {
                ["principalArn"] = p.PrincipalArn,
                ["current"] = Association(p.Current),
                ["action"] = p.Action,
                ["policyArn"] = p.Suggested?.PolicyArn,
                ["accessScope"] = p.Suggested is null ? null : Scope(p.Suggested.AccessScope),
            })]),
        },
        ["proof"] = new JsonObject
        {
            ["replayed"] = report.Proof.Replayed,
            ["stillAllowed"] = report.Proof.StillAllowed,
            ["nowDenied"] = Array(report.Proof.NowDenied.Select(r => r.ToString())),
            ["notAllowedToday"] = report.Proof.NotAllowedToday,
            ["ok"] = report.Proof.Ok,
        },
        ["risks"] = Array(report.Risks),
    };

    /// <summary>The suggested RBAC objects as one YAML stream for <c>kubectl apply -f -</c>; the policy advice as comments.</summary>
    public static string Yaml(RightsizeReport report)
    {
        var header = new List<string>
        {
            $"# eksaccess rightsize {report.Subject.Name}: {report.Proof.StillAllowed} of {report.Proof.Replayed} requests still allowed, {report.Proof.NowDenied.Length} sensitive permission(s) now denied",
        };
        header.AddRange(report.Suggestion.PolicyRecommendations.Select(p => $"# access policy {AccessPolicyCatalog.NameOf(p.Current.PolicyArn)} ({GrantText(p.Current.AccessScope)}) of {p.PrincipalArn}: {PolicyAdvice(p)}"));
        var body = KubernetesManifestRenderer.ToStream(KubernetesManifestRenderer.Render(Snapshot(report.Suggestion)));
        return string.Join('\n', header) + "\n" + body;
    }

    public static void Table(TextWriter stdout, RightsizeReport report)
    {
        stdout.WriteLine($"subject: {report.Subject.Name}");
        stdout.WriteLine($"window: {AuditJson.Time(report.Window.Since)} .. {AuditJson.Time(report.Window.Until)}, {report.Events} request(s){(report.EnoughData ? "" : " — not enough data (a window under 7 days or fewer requests than --min-requests): nothing is called unused")}");
        stdout.WriteLine();
        var grants = new TextTable("KIND", "BINDING", "ROLE", "RULE", "STATUS", "REQUESTS", "LAST USED", "UNUSED PARTS");
        foreach (var grant in report.Grants)
        {
            var parts = grant.UnusedParts.ToList();
            if (grant.ShadowedBy is { } shadow)
            {
                parts.Add($"shadowed by {shadow}");
            }

            grants.AddRow(
                grant.Kind,
                grant.Binding,
                grant.Role,
                grant.Rule is { } rule ? RuleText(rule) : GrantText(grant.AccessScope!),
                StatusText(grant.Status),
                AuditJson.Count(grant.Requests),
                grant.LastUsed is null ? "never" : AuditJson.Time(grant.LastUsed),
                string.Join("; ", parts));
        }

        grants.Write(stdout);
        if (!report.Uncovered.IsEmpty)
        {
            stdout.WriteLine();
            stdout.WriteLine("uncovered (denied in the window; wanted, never granted automatically):");
            var uncovered = new TextTable("REQUEST", "USERNAME", "REQUESTS", "LAST SEEN");
            foreach (var u in report.Uncovered)
            {
                uncovered.AddRow(u.Request.ToString(), u.Username, AuditJson.Count(u.Count), AuditJson.Time(u.LastSeen));
            }

            uncovered.Write(stdout);
        }

        stdout.WriteLine();
        stdout.WriteLine("suggestion:");
        stdout.Write(Yaml(report));
        stdout.WriteLine();
        stdout.WriteLine($"proof: {report.Proof.StillAllowed} of {report.Proof.Replayed} allowed requests replayed are still allowed; {report.Proof.NowDenied.Length} sensitive permission(s) held and never used are now denied:");
        foreach (var denied in report.Proof.NowDenied)
        {
            stdout.WriteLine($"  - {denied}");
        }

        if (report.Proof.NotAllowedToday > 0)
        {
            stdout.WriteLine($"note: {report.Proof.NotAllowedToday} request(s) allowed in the log are not allowed by the state given (it differs from the logged cluster); not replayed");
        }

        foreach (var risk in report.Risks)
        {
            stdout.WriteLine($"risk: {risk}");
        }
    }

    public static string StatusText(GrantStatus status) => status switch
    {
        GrantStatus.Used => "used",
        GrantStatus.PartlyUsed => "partlyUsed",
        GrantStatus.Unused => "unused",
        _ => "notEnoughData",
    };

    public static ClusterSnapshot Snapshot(RightsizeSuggestion suggestion) => new()
    {
        Roles = suggestion.Roles,
        ClusterRoles = suggestion.ClusterRoles,
        RoleBindings = suggestion.RoleBindings,
        ClusterRoleBindings = suggestion.ClusterRoleBindings,
    };

    private static string PolicyAdvice(PolicyRecommendation p) => p.Action switch
    {
        PolicyRecommendation.Narrow => $"narrow to {AccessPolicyCatalog.NameOf(p.Suggested!.PolicyArn)} ({GrantText(p.Suggested.AccessScope)})",
        PolicyRecommendation.Remove => "remove (it allowed nothing the window showed)",
        PolicyRecommendation.ReplaceWithRbac => "replace with RBAC (the objects below)",
        _ => "keep",
    };

    private static string GrantText(AccessScope scope) =>
        scope.IsCluster ? "cluster" : $"namespace {string.Join(", ", scope.Namespaces.IsDefault ? [] : scope.Namespaces)}";

    private static string RuleText(PolicyRule rule)
    {
        var text = rule.NonResourceUrls.IsEmpty
            ? $"{string.Join(",", rule.ApiGroups.Select(g => g.Length == 0 ? "\"\"" : g))}/{string.Join(",", rule.Resources)}"
            : string.Join(",", rule.NonResourceUrls);
        var names = rule.ResourceNames.IsEmpty ? "" : $" [{string.Join(",", rule.ResourceNames)}]";
        return $"{text}{names}: {string.Join(",", rule.Verbs)}";
    }

    private static JsonObject Grant(GrantUsage grant)
    {
        var json = new JsonObject
        {
            ["kind"] = grant.Kind,
            ["binding"] = grant.Binding,
            ["role"] = grant.Role,
        };
        if (grant.Rule is { } rule)
        {
            json["rule"] = Rule(rule);
        }
        else
        {
            json["policyArn"] = grant.PolicyArn;
            json["accessScope"] = Scope(grant.AccessScope!);
        }

        json["status"] = StatusText(grant.Status);
        json["requests"] = grant.Requests;
        json["lastUsed"] = grant.LastUsed is null ? null : AuditJson.Time(grant.LastUsed);
        json["unusedParts"] = Array(grant.UnusedParts);
        if (grant.ShadowedBy is { } shadow)
        {
            json["shadowedBy"] = shadow;
        }

        return json;
    }

    private static JsonObject Association(AssociatedAccessPolicy policy) => new() { ["policyArn"] = policy.PolicyArn, ["accessScope"] = Scope(policy.AccessScope) };

    private static JsonObject Scope(AccessScope scope) => new() { ["type"] = scope.Type, ["namespaces"] = Array(scope.Namespaces.IsDefault ? [] : scope.Namespaces) };

    private static JsonObject Rule(PolicyRule rule)
    {
        var json = new JsonObject();
        if (!rule.ApiGroups.IsEmpty || rule.NonResourceUrls.IsEmpty)
        {
            json["apiGroups"] = Array(rule.ApiGroups);
            json["resources"] = Array(rule.Resources);
        }

        if (!rule.ResourceNames.IsEmpty)
        {
            json["resourceNames"] = Array(rule.ResourceNames);
        }

        if (!rule.NonResourceUrls.IsEmpty)
        {
            json["nonResourceURLs"] = Array(rule.NonResourceUrls);
        }

        json["verbs"] = Array(rule.Verbs);
        return json;
    }

    private static IEnumerable<JsonNode> Objects(RightsizeSuggestion suggestion)
    {
        const string rbac = "rbac.authorization.k8s.io/v1";
        static JsonObject Meta(string name, string? ns)
        {
            var meta = new JsonObject { ["name"] = name };
            if (ns is not null)
            {
                meta["namespace"] = ns;
            }

            meta["labels"] = new JsonObject { [Core.Desired.DesiredState.ManagedByLabel] = Core.Desired.DesiredState.ManagedByValue };
            return meta;
        }

        static JsonObject RoleRef(RoleRef r) => new() { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = r.Kind, ["name"] = r.Name };
        static JsonArray Subjects(IEnumerable<Subject> subjects) => new([.. subjects.Select(s =>
        {
            var json = new JsonObject { ["kind"] = s.Kind, ["name"] = s.Name };
            if (string.Equals(s.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal))
            {
                json["namespace"] = s.Namespace;
            }
            else
            {
                json["apiGroup"] = "rbac.authorization.k8s.io";
            }

            return (JsonNode)json;
        })]);

        foreach (var role in suggestion.ClusterRoles)
        {
            yield return new JsonObject { ["apiVersion"] = rbac, ["kind"] = "ClusterRole", ["metadata"] = Meta(role.Name, null), ["rules"] = new JsonArray([.. role.Rules.Select(r => (JsonNode)Rule(r))]) };
        }

        foreach (var role in suggestion.Roles)
        {
            yield return new JsonObject { ["apiVersion"] = rbac, ["kind"] = "Role", ["metadata"] = Meta(role.Name, role.Namespace), ["rules"] = new JsonArray([.. role.Rules.Select(r => (JsonNode)Rule(r))]) };
        }

        foreach (var binding in suggestion.RoleBindings)
        {
            yield return new JsonObject { ["apiVersion"] = rbac, ["kind"] = "RoleBinding", ["metadata"] = Meta(binding.Name, binding.Namespace), ["roleRef"] = RoleRef(binding.RoleRef), ["subjects"] = Subjects(binding.Subjects) };
        }

        foreach (var binding in suggestion.ClusterRoleBindings)
        {
            yield return new JsonObject { ["apiVersion"] = rbac, ["kind"] = "ClusterRoleBinding", ["metadata"] = Meta(binding.Name, null), ["roleRef"] = RoleRef(binding.RoleRef), ["subjects"] = Subjects(binding.Subjects) };
        }
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
