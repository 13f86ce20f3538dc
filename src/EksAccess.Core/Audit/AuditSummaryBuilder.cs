using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Audit;

/// <summary>
/// Folds audit events and authenticator logins into one row per principal. With a model (snapshot or config), every
/// principal it maps gets a row even when never seen, and its grants — the RBAC bindings that name its username or
/// groups (found with the evaluator's <see cref="RbacAuthorizer.RulesFor"/>), the access policies associated with its
/// access entry, and system:masters — are split into used and unused by the grants the allowed requests' reasons name.
/// Bindings reached only through system:authenticated (the discovery defaults every caller has) are not listed.
/// </summary>
public sealed class AuditSummaryBuilder
{
    /// <summary>Said next to the grants, because RBAC stops at the first allowing rule.</summary>
    public const string UnusedMeaning =
        "grantsUnused: never the deciding grant in this window — RBAC names only the first binding that allows, and the audit policy may not log every request";

    private readonly AccessModel? _model;
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditGrant?> _reasons = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokenAccessKeys = new(StringComparer.Ordinal);

    public AuditSummaryBuilder(AccessModel? model)
    {
        _model = model;
        if (model is null)
        {
            return;
        }

        foreach (var known in model.Identities.KnownPrincipals())
        {
            if (known.IsWildcard || known.Resolution is not IdentityResolution.Mapped mapped || KeyOf(known.Principal) is not { } key || _rows.ContainsKey(key))
            {
                continue;
            }

            _rows[key] = new Row(CanonicalOf(known.Principal), mapped.Username) { Mapped = mapped };
        }
    }

    /// <summary>Access keys of <c>EKSGetTokenAuth</c> sessions seen: the ones --resolve-people looks up in CloudTrail.</summary>
    public IReadOnlyCollection<string> TokenSessionAccessKeys => _tokenAccessKeys;

    public void Add(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var row = RowFor(auditEvent.PrincipalArn, auditEvent.Username);
        row.Requests++;
        row.SeenUsername = auditEvent.Username;
        row.See(auditEvent.Time);
        if (auditEvent.IsDenied)
        {
            row.Denied++;
        }
        else if (string.Equals(auditEvent.Decision, "allow", StringComparison.Ordinal))
        {
            var reason = auditEvent.Reason ?? "";
            if (!_reasons.TryGetValue(reason, out var grant))
            {
                grant = AuditReason.GrantOf(reason);
                _reasons[reason] = grant;
            }

            if (grant is not null)
            {
                row.Used.TryAdd(grant.Key, grant);
            }
        }

        if (auditEvent.SessionName is { } session)
        {
            if (string.Equals(session, IdentityResolver.DefaultSessionName, StringComparison.Ordinal) && auditEvent.AccessKeyId is { } key)
            {
                _tokenAccessKeys.Add(key);
                row.TokenAccessKeys.Add(key);
            }
            else
            {
                row.People.Add(session);
            }
        }
    }

    public void Add(AuthenticatorLogin login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var row = RowFor(login.PrincipalArn, login.Username);
        row.Logins++;
        row.See(login.Time);
    }

    /// <summary>The rows, ordered by principal ARN then username; <paramref name="personByAccessKey"/> names the callers behind EKSGetTokenAuth sessions.</summary>
    public ImmutableArray<PrincipalActivity> Build(IReadOnlyDictionary<string, string>? personByAccessKey = null)
    {
        return [.. _rows.Values
            .OrderBy(r => r.PrincipalArn is null ? 1 : 0)
            .ThenBy(r => r.PrincipalArn ?? r.Username, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Username, StringComparer.Ordinal)
            .Select(r => ToActivity(r, personByAccessKey))];
    }

    private PrincipalActivity ToActivity(Row row, IReadOnlyDictionary<string, string>? personByAccessKey)
    {
        var held = row.Mapped is null ? [] : GrantsOf(row.Mapped);
        var heldByKey = held.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var people = new SortedSet<string>(row.People, StringComparer.Ordinal);
        foreach (var key in row.TokenAccessKeys)
        {
            people.Add(personByAccessKey is not null && personByAccessKey.TryGetValue(key, out var person) ? person : IdentityResolver.DefaultSessionName);
        }

        return new PrincipalActivity
        {
            PrincipalArn = row.PrincipalArn,
            Username = row.Username ?? row.SeenUsername,
            People = [.. people],
            Requests = row.Requests,
            Denied = row.Denied,
            FirstSeen = row.First,
            LastSeen = row.Last,
            Logins = row.Logins,
            IsMapped = row.Mapped is not null,
            GrantsUsed = [.. row.Used.Values.Select(g => heldByKey.GetValueOrDefault(g.Key, g)).OrderBy(g => g.Description, StringComparer.Ordinal)],
            GrantsUnused = [.. held.Where(g => !row.Used.ContainsKey(g.Key)).OrderBy(g => g.Description, StringComparer.Ordinal)],
        };
    }

    private List<AuditGrant> GrantsOf(IdentityResolution.Mapped mapped)
    {
        var grants = new Dictionary<string, AuditGrant>(StringComparer.Ordinal);
        if (mapped.Groups.Contains(PrivilegedGroupReason.SystemMasters, StringComparer.Ordinal))
        {
            grants.TryAdd(AuditGrant.SystemMasters.Key, AuditGrant.SystemMasters);
        }

        foreach (var policy in mapped.Entry?.AssociatedAccessPolicies is { IsDefault: false } policies ? policies : [])
        {
            var scope = policy.AccessScope.IsCluster ? "cluster" : "namespaces: " + string.Join(", ", policy.AccessScope.Namespaces);
            var grant = AuditGrant.AccessPolicy(policy.PolicyArn, scope);
            grants.TryAdd(grant.Key, grant);
        }

        var user = mapped.ToUserInfo();
        var namespaces = _model!.Snapshot.RoleBindings.Select(b => b.Namespace).Distinct(StringComparer.Ordinal).Prepend("");
        foreach (var ns in namespaces)
        {
            foreach (var rule in _model.Authorizer.Rbac.RulesFor(user, ns))
            {
                var via = rule.Source;
                if (string.Equals(via.Subject.Kind, Subject.GroupKind, StringComparison.Ordinal)
                    && via.Subject.Name is IdentityResolution.AuthenticatedGroup or "system:unauthenticated")
                {
                    continue;
                }

                var grant = via.BindingKind == BindingKind.ClusterRoleBinding
                    ? AuditGrant.ClusterRoleBinding(via.BindingName, via.RoleKind, via.RoleName)
                    : AuditGrant.RoleBinding(via.BindingNamespace, via.BindingName, via.RoleKind, via.RoleName);
                grants.TryAdd(grant.Key, grant);
            }
        }

        return [.. grants.Values];
    }

    private Row RowFor(string? principalArn, string username)
    {
        var key = principalArn is null ? null : KeyOf(principalArn);
        key ??= "user:" + username;
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new Row(principalArn is null ? null : CanonicalOf(principalArn), Username: null);
            _rows[key] = row;
        }

        return row;
    }

    private string? KeyOf(string principalArn)
    {
        if (!_keys.TryGetValue(principalArn, out var key))
        {
            key = AuditIdentity.Key(principalArn);
            _keys[principalArn] = key;
        }

        return key;
    }

    private static string? CanonicalOf(string principalArn) =>
        IamPrincipalArn.TryParse(principalArn, out var parsed, out _) ? parsed.Canonicalize().Value : null;

    private sealed record Row(string? PrincipalArn, string? Username)
    {
        public IdentityResolution.Mapped? Mapped { get; init; }

        public string? SeenUsername { get; set; }

        public long Requests { get; set; }

        public long Denied { get; set; }

        public long Logins { get; set; }

        public DateTimeOffset? First { get; private set; }

        public DateTimeOffset? Last { get; private set; }

        public HashSet<string> People { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TokenAccessKeys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AuditGrant> Used { get; } = new(StringComparer.Ordinal);

        public void See(DateTimeOffset time)
        {
            if (First is null || time < First)
            {
                First = time;
            }

            if (Last is null || time > Last)
            {
                Last = time;
            }
        }
    }
}
