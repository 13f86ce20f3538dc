using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// The subject's grants in one snapshot and the evaluator over its three states (see <see cref="Rightsizer"/>): the
/// bindings naming one of its subjects, the access entries of its principals (and, for a group, of the entries mapping
/// into it), and authorizers for current, base and proof. Policies come from the access entry a principal
/// authenticates through (<see cref="IdentityResolver"/>), never from aws-auth.
/// </summary>
internal sealed class SubjectState
{
    private readonly bool _includeDefaultRoles;
    private readonly KubernetesAuthorizer _base;
    private readonly Dictionary<string, ImmutableArray<AssociatedAccessPolicy>> _policies = new(StringComparer.Ordinal);
    private List<(RbacReason Binding, PolicyRule Rule)>? _ownRules;

    public SubjectState(AccessModel model, RightsizeSubject subject, bool includeDefaultRoles)
    {
        Model = model;
        Subject = subject;
        _includeDefaultRoles = includeDefaultRoles;
        var snapshot = model.Snapshot;
        OwnClusterRoleBindings = [.. snapshot.ClusterRoleBindings.Where(b => b.Subjects.Any(s => subject.Owns(s, "")))];
        OwnRoleBindings = [.. snapshot.RoleBindings.Where(b => b.Subjects.Any(s => subject.Owns(s, b.Namespace)))];

        foreach (var arn in subject.PrincipalArns)
        {
            if (Entry(arn) is { } entry && AuditIdentity.Key(entry.PrincipalArn) is { } key)
            {
                OwnEntries.TryAdd(key, entry);
            }
        }

        foreach (var entry in snapshot.AccessEntries.Where(e => !e.KubernetesGroups.IsDefault && e.KubernetesGroups.Any(g => subject.Groups.Contains(g, StringComparer.Ordinal))))
        {
            if (AuditIdentity.Key(entry.PrincipalArn) is { } key && ReferenceEquals(Entry(entry.PrincipalArn), entry))
            {
                OwnEntries.TryAdd(key, entry);
            }
        }

        BaseSnapshot = snapshot with
        {
            ClusterRoleBindings = [.. snapshot.ClusterRoleBindings.Select(b => b with { Subjects = [.. b.Subjects.Where(s => !subject.Owns(s, ""))] }).Where(b => !b.Subjects.IsEmpty)],
            RoleBindings = [.. snapshot.RoleBindings.Select(b => b with { Subjects = [.. b.Subjects.Where(s => !subject.Owns(s, b.Namespace))] }).Where(b => !b.Subjects.IsEmpty)],
        };
        _base = OwnClusterRoleBindings.Count + OwnRoleBindings.Count == 0 ? model.Authorizer : KubernetesAuthorizer.ForSnapshot(BaseSnapshot, includeDefaultRoles);
    }

    public AccessModel Model { get; }

    public RightsizeSubject Subject { get; }

    public List<ClusterRoleBinding> OwnClusterRoleBindings { get; }

    public List<RoleBinding> OwnRoleBindings { get; }

    /// <summary>The subject's access entries by principal key (<see cref="AuditIdentity.Key"/>).</summary>
    public Dictionary<string, AccessEntry> OwnEntries { get; } = new(StringComparer.Ordinal);

    public ClusterSnapshot BaseSnapshot { get; }

    public Decision Current(ObservedRequest observed) =>
        Model.Authorizer.Authorize(new AuthorizationSubject(observed.User, PoliciesOf(observed.PrincipalArn)), observed.Request);

    public Decision Base(ObservedRequest observed) =>
        _base.Authorize(new AuthorizationSubject(observed.User, IsOwn(observed.PrincipalArn) ? [] : PoliciesOf(observed.PrincipalArn)), observed.Request);

    /// <summary>The suggested associations of a principal when it is the subject's; none otherwise (its policies are in base).</summary>
    public static ImmutableArray<AssociatedAccessPolicy> OwnPolicies(string? principalArn, IReadOnlyDictionary<string, ImmutableArray<AssociatedAccessPolicy>> suggested) =>
        AuditIdentity.Key(principalArn) is { } key && suggested.TryGetValue(key, out var policies) ? policies : [];

    /// <summary>The evaluator with the suggestion in place of the subject's grants.</summary>
    public Func<ObservedRequest, Decision> WithSuggestion(RightsizeSuggestion suggestion)
    {
        var proof = KubernetesAuthorizer.ForSnapshot(
            BaseSnapshot with
            {
                Roles = BaseSnapshot.Roles.AddRange(suggestion.Roles),
                ClusterRoles = BaseSnapshot.ClusterRoles.AddRange(suggestion.ClusterRoles),
                RoleBindings = BaseSnapshot.RoleBindings.AddRange(suggestion.RoleBindings),
                ClusterRoleBindings = BaseSnapshot.ClusterRoleBindings.AddRange(suggestion.ClusterRoleBindings),
            },
            _includeDefaultRoles);
        return observed =>
        {
            var policies = IsOwn(observed.PrincipalArn) ? OwnPolicies(observed.PrincipalArn, suggestion.AccessPolicies) : PoliciesOf(observed.PrincipalArn);
            return proof.Authorize(new AuthorizationSubject(observed.User, policies), observed.Request);
        };
    }

    /// <summary>Every rule the subject's bindings give (roles resolved and aggregated by the evaluator), with its binding.</summary>
    public List<(RbacReason Binding, PolicyRule Rule)> OwnRules()
    {
        if (_ownRules is not null)
        {
            return _ownRules;
        }

        var own = new HashSet<(BindingKind, string, string)>(OwnClusterRoleBindings.Select(b => (BindingKind.ClusterRoleBinding, "", b.Name))
            .Concat(OwnRoleBindings.Select(b => (BindingKind.RoleBinding, b.Namespace, b.Name))));
        var namespaces = OwnRoleBindings.Select(b => b.Namespace).Distinct(StringComparer.Ordinal).Prepend("").ToList();
        var seen = new HashSet<(BindingKind, string, string, int)>();
        var rules = new List<(RbacReason, PolicyRule)>();
        foreach (var subject in OwnSubjects())
        {
            var user = subject.Kind switch
            {
                Authorization.Subject.GroupKind => new UserInfo("", [subject.Name]),
                Authorization.Subject.ServiceAccountKind => new UserInfo($"{RightsizeSubject.ServiceAccountPrefix}{subject.Namespace}:{subject.Name}", []),
                _ => new UserInfo(subject.Name, []),
            };
            foreach (var ns in namespaces)
            {
                foreach (var granted in Model.Authorizer.Rbac.RulesFor(user, ns))
                {
                    var source = granted.Source;
                    if (own.Contains((source.BindingKind, source.BindingNamespace, source.BindingName))
                        && seen.Add((source.BindingKind, source.BindingNamespace, source.BindingName, source.RuleIndex)))
                    {
                        rules.Add((source, granted.Rule));
                    }
                }
            }
        }

        _ownRules = [.. rules.OrderBy(r => r.Item1.BindingKind).ThenBy(r => r.Item1.BindingNamespace, StringComparer.Ordinal).ThenBy(r => r.Item1.BindingName, StringComparer.Ordinal).ThenBy(r => r.Item1.RuleIndex)];
        return _ownRules;
    }

    /// <summary>The subject's own subjects as the bindings write them (a ServiceAccount's namespace filled in).</summary>
    public IEnumerable<Subject> OwnSubjects() =>
        OwnClusterRoleBindings.SelectMany(b => b.Subjects.Where(s => Subject.Owns(s, "")))
            .Concat(OwnRoleBindings.SelectMany(b => b.Subjects.Where(s => Subject.Owns(s, b.Namespace))
                .Select(s => string.Equals(s.Kind, Authorization.Subject.ServiceAccountKind, StringComparison.Ordinal) && s.Namespace.Length == 0 ? s with { Namespace = b.Namespace } : s)))
            .Distinct();

    /// <summary>Who to ask the sensitive questions as: every identity seen, and each declared principal, group and username as the cluster would see it.</summary>
    public IEnumerable<ObservedRequest> Identities(IEnumerable<ObservedRequest> seen)
    {
        var probe = AccessRequest.ForPath("get", "/");
        var result = seen.Select(o => o with { Request = probe }).ToList();
        foreach (var arn in Subject.PrincipalArns)
        {
            if (Model.Identities.Resolve(arn) is IdentityResolution.Mapped mapped)
            {
                result.Add(new ObservedRequest(probe, mapped.Username, mapped.Groups, mapped.CanonicalArn ?? arn));
            }
        }

        foreach (var entry in OwnEntries.Values)
        {
            if (Model.Identities.Resolve(entry.PrincipalArn) is IdentityResolution.Mapped mapped)
            {
                result.Add(new ObservedRequest(probe, mapped.Username, mapped.Groups, mapped.CanonicalArn ?? entry.PrincipalArn));
            }
        }

        foreach (var group in Subject.Groups)
        {
            result.Add(new ObservedRequest(probe, "eksaccess:rightsize-probe", [group, IdentityResolution.AuthenticatedGroup], null));
        }

        foreach (var username in Subject.Usernames)
        {
            result.Add(new ObservedRequest(probe, username, ServiceAccountGroups(username), null));
        }

        return result.DistinctBy(o => (o.Username, string.Join('\n', o.Groups), AuditIdentity.Key(o.PrincipalArn)));
    }

    public bool HasSystemMasters() =>
        Subject.Groups.Contains(PrivilegedGroupReason.SystemMasters, StringComparer.Ordinal)
        || Subject.PrincipalArns.Any(arn => Model.Identities.Resolve(arn) is IdentityResolution.Mapped m && m.Groups.Contains(PrivilegedGroupReason.SystemMasters, StringComparer.Ordinal));

    private static ImmutableArray<string> ServiceAccountGroups(string username)
    {
        if (!username.StartsWith(RightsizeSubject.ServiceAccountPrefix, StringComparison.Ordinal))
        {
            return [IdentityResolution.AuthenticatedGroup];
        }

        var ns = username[RightsizeSubject.ServiceAccountPrefix.Length..].Split(':')[0];
        return ["system:serviceaccounts", $"system:serviceaccounts:{ns}", IdentityResolution.AuthenticatedGroup];
    }

    private bool IsOwn(string? principalArn) => AuditIdentity.Key(principalArn) is { } key && OwnEntries.ContainsKey(key);

    private AccessEntry? Entry(string principalArn) =>
        Model.Identities.Resolve(principalArn) is IdentityResolution.Mapped { Entry: { } entry } ? entry : null;

    private ImmutableArray<AssociatedAccessPolicy> PoliciesOf(string? principalArn)
    {
        if (principalArn is null)
        {
            return [];
        }

        if (!_policies.TryGetValue(principalArn, out var policies))
        {
            policies = Entry(principalArn)?.AssociatedAccessPolicies is { IsDefault: false } found ? found : [];
            _policies[principalArn] = policies;
        }

        return policies;
    }
}
