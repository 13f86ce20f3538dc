using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// The answer to one access question: allowed or not, what allowed it (<see cref="Reason"/>, null when denied) and
/// <see cref="Notes"/> — facts worth telling that did not decide (a binding to a missing role, a policy whose rules
/// AWS has not published, …). Authorizers only allow; a denial means nothing allowed it.
/// </summary>
public sealed record Decision(bool Allowed, DecisionReason? Reason)
{
    public const string DeniedExplanation = "no RBAC binding or access policy allows it";

    public ImmutableArray<string> Notes { get; init; } = [];

    public static Decision Allow(DecisionReason reason, ImmutableArray<string> notes = default) =>
        new(Allowed: true, reason) { Notes = notes.IsDefault ? [] : notes };

    public static Decision Deny(ImmutableArray<string> notes = default) =>
        new(Allowed: false, Reason: null) { Notes = notes.IsDefault ? [] : notes };

    /// <summary>One human line, like kube-apiserver's authorization.k8s.io/reason audit annotation.</summary>
    public string Explain() => Allowed && Reason is not null ? Reason.Explain() : DeniedExplanation;

    public Decision WithNotes(ImmutableArray<string> more) =>
        more.IsDefaultOrEmpty ? this : this with { Notes = Notes.IsDefaultOrEmpty ? more : Notes.AddRange(more) };
}
