using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// Folds the subject's audit events (one per request, already deduplicated and inside the window) into distinct
/// requests: the allowed ones (what the suggestion must keep), the denied ones (uncovered: wanted, never granted) and
/// those allowed with an empty reason (the system:masters group, which no RBAC object can tighten).
/// Memory grows with distinct requests, not events.
/// </summary>
public sealed class RightsizeEvidence
{
    private readonly RightsizeSubject _subject;
    private readonly Dictionary<Key, ObservedRequest> _allowed = [];
    private readonly Dictionary<Key, ObservedRequest> _denied = [];
    private readonly Dictionary<string, AuditGrant?> _reasons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<string>> _groups = new(StringComparer.Ordinal);

    public RightsizeEvidence(RightsizeSubject subject)
    {
        _subject = subject ?? throw new ArgumentNullException(nameof(subject));
    }

    /// <summary>Events of the subject (allowed and denied).</summary>
    public long Events { get; private set; }

    /// <summary>Allowed events whose reason was empty: only system:masters allows that way.</summary>
    public long PrivilegedEvents { get; private set; }

    /// <summary>
    /// Requests whose verb, group or resource is literally <c>*</c>: RBAC matches them only with a wildcard rule, which
    /// a suggestion never writes, so they are counted and left out.
    /// </summary>
    public long Unrepresentable { get; private set; }

    public IReadOnlyCollection<ObservedRequest> Allowed => _allowed.Values;

    public IReadOnlyCollection<ObservedRequest> Denied => _denied.Values;

    /// <summary>Adds an event when the subject made it; other callers' events are ignored.</summary>
    public void Add(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!_subject.Matches(auditEvent))
        {
            return;
        }

        Events++;
        var request = RequestOf(auditEvent);
        if (request.Verb is "*" || (request.Path is null && (request.ApiGroup is "*" || request.Resource is "*" || request.Subresource is "*")))
        {
            Unrepresentable++;
            return;
        }

        var groupsText = auditEvent.Groups.IsDefaultOrEmpty ? "" : string.Join('\n', auditEvent.Groups);
        if (!_groups.TryGetValue(groupsText, out var groups))
        {
            groups = auditEvent.Groups.IsDefault ? [] : auditEvent.Groups;
            _groups[groupsText] = groups;
        }

        var principal = auditEvent.PrincipalArn is null ? null : AuditIdentity.CanonicalArn(auditEvent.PrincipalArn, null, auditEvent.Username);
        var key = new Key(request, auditEvent.Username, groupsText, principal);
        var denied = auditEvent.IsDenied || !string.Equals(auditEvent.Decision, "allow", StringComparison.Ordinal);
        var map = denied ? _denied : _allowed;
        if (!map.TryGetValue(key, out var observed))
        {
            observed = new ObservedRequest(request, auditEvent.Username, groups, principal);
            map.Add(key, observed);
        }

        observed.Count++;
        if (auditEvent.Time > observed.LastSeen)
        {
            observed.LastSeen = auditEvent.Time;
        }

        if (denied)
        {
            return;
        }

        var reason = auditEvent.Reason ?? "";
        if (!_reasons.TryGetValue(reason, out var grant))
        {
            grant = AuditReason.GrantOf(reason);
            _reasons[reason] = grant;
        }

        if (ReferenceEquals(grant, AuditGrant.SystemMasters))
        {
            PrivilegedEvents++;
        }

        observed.DecidedBy ??= grant;
    }

    /// <summary>
    /// The authorizer's attributes of an event. A <c>create</c> of a resource is authorized without a name (the object
    /// does not exist yet), so the name the log shows is dropped — audit2rbac's fix for its issue 24; a subresource
    /// create (pods/exec) keeps it, because its URL names the parent object.
    /// </summary>
    public static AccessRequest RequestOf(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (auditEvent.Resource is null && auditEvent.NonResourceUrl is { } path)
        {
            return AccessRequest.ForPath(auditEvent.Verb, path);
        }

        var subresource = auditEvent.Subresource ?? "";
        var name = string.Equals(auditEvent.Verb, "create", StringComparison.Ordinal) && subresource.Length == 0 ? "" : auditEvent.Name ?? "";
        return AccessRequest.ForResource(auditEvent.Verb, auditEvent.ApiGroup ?? "", auditEvent.Resource ?? "", subresource, name, auditEvent.Namespace ?? "");
    }

    private sealed record Key(AccessRequest Request, string Username, string Groups, string? PrincipalArn);
}
