using System.Collections.Immutable;

namespace EksAccess.Core.Onboarding;

/// <summary>The can-i answers for one namespace.</summary>
public sealed record NamespaceAccess(string Namespace, ImmutableArray<ActionAnswer> Answers)
{
    public IEnumerable<string> Allowed => Answers.Where(a => a.Allowed).Select(a => a.Action);

    public IEnumerable<string> Denied => Answers.Where(a => !a.Allowed).Select(a => a.Action);
}
