using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// Least privilege from what the subject did (docs/decisions/rightsize.md). Three states of the same snapshot, each
/// asked through the evaluator (<see cref="KubernetesAuthorizer"/>): <em>current</em>; <em>base</em>, the subject's own
/// binding subjects and access-policy associations removed (what every caller keeps — discovery, system:basic-user,
/// other teams' bindings); and <em>proof</em>, base plus the suggestion. A request base still allows is never
/// re-granted; every request current allows must stay allowed by proof; every sensitive permission current gives only
/// through the subject's grants and the window never used must be denied by proof.
/// </summary>
public static class Rightsizer
{
    public const int DefaultMinRequests = 20;

    public static readonly TimeSpan MinimumWindow = TimeSpan.FromDays(7);

    private static readonly string[] PolicyLadder = ["AmazonEKSViewPolicy", "AmazonEKSEditPolicy", "AmazonEKSAdminPolicy", "AmazonEKSClusterAdminPolicy"];

    public static RightsizeReport Analyze(AccessModel model, RightsizeSubject subject, RightsizeEvidence evidence, AuditWindow window, int minRequests, bool includeDefaultRoles = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(window);
        var state = new SubjectState(model, subject, includeDefaultRoles);
        var enoughData = window.Until - window.Since >= MinimumWindow && evidence.Events >= minRequests;

        // What happened, asked again: allowed by the state given (else the snapshot is not the logged cluster), and
        // needed (base denies it) or kept by every caller's grants anyway.
        var today = new List<ObservedRequest>();
        var needed = new List<ObservedRequest>();
        long notAllowedToday = 0;
        foreach (var observed in evidence.Allowed.OrderBy(o => o.Request.ToString(), StringComparer.Ordinal).ThenBy(o => o.Username, StringComparer.Ordinal))
        {
            if (!state.Current(observed).Allowed)
            {
                notAllowedToday += observed.Count;
                continue;
            }

            today.Add(observed);
            if (!state.Base(observed).Allowed)
            {
                needed.Add(observed);
            }
        }

        // exec/attach/portforward: WebSocket clients send GET, SPDY clients POST, and since Kubernetes 1.35 the
        // WebSocket upgrade also needs create (kubernetes#134577): both verbs, where the subject holds both today.
        var paired = Pairs(state, needed);
        var used = new HashSet<(string, string, string, string, string)>(today.Concat(paired).Select(o => Attributes(o.Request)));

        var heldUnused = SensitiveHeldUnused(state, today, used);
        var recommendations = Narrow(state, needed.Concat(paired).ToList(), heldUnused);
        var suggestedPolicies = state.OwnEntries.ToImmutableDictionary(
            e => e.Key,
            e => recommendations.Where(r => string.Equals(AuditIdentity.Key(r.PrincipalArn), e.Key, StringComparison.Ordinal) && r.Suggested is not null).Select(r => r.Suggested!).ToImmutableArray(),
            StringComparer.Ordinal);

        var rbacNeeds = needed.Concat(paired)
            .Where(o => AccessPolicyAuthorizer.Authorize(SubjectState.OwnPolicies(o.PrincipalArn, suggestedPolicies), o.Request) is null)
            .ToList();
        var suggestion = Suggest(state, subject, rbacNeeds) with
        {
            AccessPolicies = suggestedPolicies,
            PolicyRecommendations = recommendations,
        };
        var proof = Prove(state, suggestion, today, heldUnused) with { NotAllowedToday = notAllowedToday };
        var grants = GrantUsageAnalysis.Analyze(state, needed.Concat(paired).ToList(), evidence.Allowed, recommendations, enoughData);

        return new RightsizeReport
        {
            Subject = subject,
            Window = window,
            Events = evidence.Events,
            EnoughData = enoughData,
            Grants = grants,
            Uncovered = [.. evidence.Denied.OrderByDescending(o => o.Count).ThenBy(o => o.Request.ToString(), StringComparer.Ordinal)],
            Suggestion = suggestion,
            Proof = proof,
            Risks = Risks(state, evidence),
        };
    }

    private static (string, string, string, string, string) Attributes(AccessRequest r) =>
        (r.Verb, r.ApiGroup, r.Resource, r.Subresource, r.Path ?? r.Namespace);

    private static List<ObservedRequest> Pairs(SubjectState state, List<ObservedRequest> needed)
    {
        var result = new List<ObservedRequest>();
        var seen = new HashSet<(AccessRequest, string)>(needed.Select(o => (o.Request, o.Username)));
        foreach (var observed in needed)
        {
            var request = observed.Request;
            if (request.Path is not null || request.ApiGroup.Length != 0 || !string.Equals(request.Resource, "pods", StringComparison.Ordinal)
                || request.Subresource is not ("exec" or "attach" or "portforward") || request.Verb is not ("get" or "create"))
            {
                continue;
            }

            var pair = observed with { Request = request with { Verb = string.Equals(request.Verb, "get", StringComparison.Ordinal) ? "create" : "get" } };
            if (seen.Add((pair.Request, pair.Username)) && state.Current(pair).Allowed && !state.Base(pair).Allowed)
            {
                result.Add(pair);
            }
        }

        return result;
    }

    /// <summary>Sensitive permissions each of the subject's identities holds only through its own grants, in a namespace it never used them.</summary>
    private static List<(ObservedRequest Identity, AccessRequest Probe)> SensitiveHeldUnused(SubjectState state, List<ObservedRequest> today, HashSet<(string, string, string, string, string)> used)
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { "" };
        namespaces.UnionWith(state.OwnRoleBindings.Select(b => b.Namespace));
        namespaces.UnionWith(state.OwnEntries.Values.SelectMany(e => e.AssociatedAccessPolicies).SelectMany(p => p.AccessScope.Namespaces.IsDefault ? [] : p.AccessScope.Namespaces).Where(n => !n.Contains('*', StringComparison.Ordinal)));
        namespaces.UnionWith(today.Select(o => o.Request.Namespace));
        var probes = new List<AccessRequest>();
        foreach (var ns in namespaces)
        {
            probes.AddRange(SensitivePermissions.Probes(ns));
        }

        foreach (var (binding, rule) in state.OwnRules())
        {
            if (SensitivePermissions.WildcardProbe(rule, binding.BindingNamespace) is { } probe)
            {
                probes.Add(probe);
            }
        }

        foreach (var policy in state.OwnEntries.Values.SelectMany(e => e.AssociatedAccessPolicies))
        {
            var scopes = policy.AccessScope.IsCluster ? [""] : policy.AccessScope.Namespaces.IsDefault ? [] : policy.AccessScope.Namespaces.Where(n => !n.Contains('*', StringComparison.Ordinal));
            foreach (var rule in AccessPolicyCatalog.TryGet(policy.PolicyArn, out var definition) ? definition.Rules : [])
            {
                foreach (var ns in scopes)
                {
                    if (SensitivePermissions.WildcardProbe(rule, ns) is { } probe)
                    {
                        probes.Add(probe);
                    }
                }
            }
        }

        var result = new List<(ObservedRequest, AccessRequest)>();
        foreach (var identity in state.Identities(today))
        {
            foreach (var probe in probes.Distinct())
            {
                if (used.Contains(Attributes(probe)))
                {
                    continue;
                }

                var asked = identity with { Request = probe };
                if (state.Current(asked).Allowed && !state.Base(asked).Allowed)
                {
                    result.Add((identity, probe));
                }
            }
        }

        return result;
    }

    /// <summary>Per association (grouped over principals): the narrowest ladder policy and scope covering what it allowed, without a held-unused sensitive permission.</summary>
    private static ImmutableArray<PolicyRecommendation> Narrow(SubjectState state, List<ObservedRequest> needed, List<(ObservedRequest Identity, AccessRequest Probe)> heldUnused)
    {
        var result = ImmutableArray.CreateBuilder<PolicyRecommendation>();
        foreach (var (key, entry) in state.OwnEntries.OrderBy(e => e.Value.PrincipalArn, StringComparer.Ordinal))
        {
            foreach (var association in entry.AssociatedAccessPolicies)
            {
                var covered = needed.Where(o => string.Equals(AuditIdentity.Key(o.PrincipalArn), key, StringComparison.Ordinal)
                    && AccessPolicyAuthorizer.Authorize([association], o.Request) is not null).ToList();
                if (covered.Count == 0)
                {
                    result.Add(new PolicyRecommendation(entry.PrincipalArn, association, null, PolicyRecommendation.Remove));
                    continue;
                }

                var probes = heldUnused.Where(h => string.Equals(AuditIdentity.Key(h.Identity.PrincipalArn), key, StringComparison.Ordinal)).Select(h => h.Probe).ToList();
                var rank = Array.IndexOf(PolicyLadder, AccessPolicyCatalog.NameOf(association.PolicyArn));
                var scope = NarrowestScope(association.AccessScope, covered);
                AssociatedAccessPolicy? chosen = null;
                for (var i = 0; rank >= 0 && i <= rank && chosen is null; i++)
                {
                    var candidate = new AssociatedAccessPolicy(WithPolicyName(association.PolicyArn, PolicyLadder[i]), scope);
                    if (covered.All(o => AccessPolicyAuthorizer.Authorize([candidate], o.Request) is not null)
                        && !probes.Any(p => AccessPolicyAuthorizer.Authorize([candidate], p) is not null))
                    {
                        chosen = candidate;
                    }
                }

                var action = chosen is null ? PolicyRecommendation.ReplaceWithRbac
                    : SameAssociation(chosen, association) ? PolicyRecommendation.Keep
                    : PolicyRecommendation.Narrow;
                result.Add(new PolicyRecommendation(entry.PrincipalArn, association, string.Equals(action, PolicyRecommendation.Keep, StringComparison.Ordinal) ? association : chosen, action));
            }
        }

        return result.ToImmutable();
    }

    private static AccessScope NarrowestScope(AccessScope current, List<ObservedRequest> covered)
    {
        var namespaced = covered.All(o => o.Request.Path is null && o.Request.Namespace.Length > 0
            && !(o.Request.ApiGroup.Length == 0 && string.Equals(o.Request.Resource, "namespaces", StringComparison.Ordinal)));
        if (!namespaced)
        {
            return current;
        }

        var used = covered.Select(o => o.Request.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        // A listed wildcard (dev-*) the use spans is kept rather than spelled out; an exact list replaces it only when smaller.
        return !current.IsCluster && current.Namespaces.Length <= used.Length ? current : new AccessScope(AccessScope.NamespaceType, used);
    }

    private static bool SameAssociation(AssociatedAccessPolicy a, AssociatedAccessPolicy b) =>
        string.Equals(AccessPolicyCatalog.NameOf(a.PolicyArn), AccessPolicyCatalog.NameOf(b.PolicyArn), StringComparison.Ordinal)
        && string.Equals(a.AccessScope.Type, b.AccessScope.Type, StringComparison.Ordinal)
        && a.AccessScope.Namespaces.SequenceEqual(b.AccessScope.Namespaces, StringComparer.Ordinal);

    private static string WithPolicyName(string arnOrName, string name)
    {
        var slash = arnOrName.LastIndexOf('/');
        return arnOrName.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? arnOrName[..(slash + 1)] + name : name;
    }

    private static RightsizeSuggestion Suggest(SubjectState state, RightsizeSubject subject, List<ObservedRequest> needs)
    {
        var subjects = state.OwnSubjects().ToList();
        foreach (var observed in needs)
        {
            if (subjects.Any(s => Covers(s, observed)))
            {
                continue;
            }

            var group = observed.Groups.FirstOrDefault(g => subject.Groups.Contains(g, StringComparer.Ordinal));
            subjects.Add(group is not null ? new Subject(Subject.GroupKind, group) : UserSubject(observed.Username));
        }

        var identities = needs.DistinctBy(o => (o.Username, string.Join(',', o.Groups), o.PrincipalArn)).ToList();
        var rules = SuggestionCompactor.Compact(
            needs.Select(o => o.Request),
            request => identities.Any(i => state.Current(i with { Request = request }).Allowed));
        var name = ObjectName(subject.Name);
        var labels = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add(Desired.DesiredState.ManagedByLabel, Desired.DesiredState.ManagedByValue);
        var bindingSubjects = subjects.Distinct().ToImmutableArray();
        return new RightsizeSuggestion
        {
            Roles = [.. rules.Where(r => r.Key.Length > 0).Select(r => new Role(r.Key, name, r.Value) { Labels = labels })],
            RoleBindings = [.. rules.Where(r => r.Key.Length > 0).Select(r => new RoleBinding(r.Key, name, new RoleRef(RoleRef.RoleKind, name), bindingSubjects) { Labels = labels })],
            ClusterRoles = [.. rules.Where(r => r.Key.Length == 0).Select(r => new ClusterRole(name, r.Value) { Labels = labels })],
            ClusterRoleBindings = [.. rules.Where(r => r.Key.Length == 0).Select(_ => new ClusterRoleBinding(name, new RoleRef(RoleRef.ClusterRoleKind, name), bindingSubjects) { Labels = labels })],
        };
    }

    private static bool Covers(Subject subject, ObservedRequest observed) => subject.Kind switch
    {
        Subject.GroupKind => observed.Groups.Contains(subject.Name, StringComparer.Ordinal),
        Subject.UserKind => string.Equals(subject.Name, observed.Username, StringComparison.Ordinal),
        Subject.ServiceAccountKind => string.Equals($"{RightsizeSubject.ServiceAccountPrefix}{subject.Namespace}:{subject.Name}", observed.Username, StringComparison.Ordinal),
        _ => false,
    };

    private static Subject UserSubject(string username)
    {
        if (username.StartsWith(RightsizeSubject.ServiceAccountPrefix, StringComparison.Ordinal))
        {
            var rest = username[RightsizeSubject.ServiceAccountPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return new Subject(Subject.ServiceAccountKind, rest[(colon + 1)..], rest[..colon]);
            }
        }

        return new Subject(Subject.UserKind, username);
    }

    /// <summary>A DNS-1123 name for the suggested objects: <c>&lt;subject&gt;-rightsized</c>.</summary>
    public static string ObjectName(string subjectName)
    {
        ArgumentNullException.ThrowIfNull(subjectName);
        var chars = subjectName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        var stem = new string(chars).Trim('-', '.');
        if (stem.Length > 200)
        {
            stem = stem[..200].TrimEnd('-', '.');
        }

        return (stem.Length == 0 ? "subject" : stem) + "-rightsized";
    }

    private static RightsizeProof Prove(SubjectState state, RightsizeSuggestion suggestion, List<ObservedRequest> today, List<(ObservedRequest Identity, AccessRequest Probe)> heldUnused)
    {
        var proof = state.WithSuggestion(suggestion);
        var failures = ImmutableArray.CreateBuilder<string>();
        long replayed = 0, stillAllowed = 0;
        foreach (var observed in today)
        {
            replayed += observed.Count;
            if (proof(observed).Allowed)
            {
                stillAllowed += observed.Count;
            }
            else
            {
                failures.Add($"{observed.Request} (as {observed.Username}) was allowed {observed.Count} time(s) in the window and is denied with the suggestion");
            }
        }

        var nowDenied = new List<AccessRequest>();
        foreach (var (identity, probe) in heldUnused)
        {
            var decision = proof(identity with { Request = probe });
            if (decision.Allowed)
            {
                failures.Add($"{probe} (as {identity.Username}) is held today, was never used, and the suggestion still allows it: {decision.Explain()}");
            }
            else
            {
                nowDenied.Add(probe);
            }
        }

        return new RightsizeProof
        {
            Replayed = replayed,
            StillAllowed = stillAllowed,
            NowDenied = [.. nowDenied.Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal)],
            Failures = failures.ToImmutable(),
        };
    }

    private static ImmutableArray<string> Risks(SubjectState state, RightsizeEvidence evidence)
    {
        var risks = ImmutableArray.CreateBuilder<string>();
        if (evidence.PrivilegedEvents > 0 || state.HasSystemMasters())
        {
            risks.Add(
                $"system:masters: {evidence.PrivilegedEvents} request(s) allowed by the privileged group, which kube-apiserver allows before RBAC with no reason to read and no object to tighten "
                + "— cannot be rightsized; map the principal to a group bound by RBAC (or an access policy) instead");
        }

        return risks.ToImmutable();
    }
}
