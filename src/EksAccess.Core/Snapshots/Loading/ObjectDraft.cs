using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using YamlDotNet.Core;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>
/// The fields of one Kubernetes object read so far. kubectl sorts keys, so <c>kind</c> can come after fields
/// (aggregationRule, data, items); until it is known every field a known kind uses is kept, and problems are held
/// back: they are reported only if the object turns out to be of a kind the snapshot reads.
/// </summary>
internal sealed class ObjectDraft(Mark start)
{
    public Mark Start { get; } = start;

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public ImmutableDictionary<string, string>? Labels { get; set; }

    public ImmutableDictionary<string, string>? Annotations { get; set; }

    public ImmutableArray<PolicyRule>? Rules { get; set; }

    public AggregationRule? AggregationRule { get; set; }

    public Mark? RoleRefStart { get; set; }

    public string? RoleRefKind { get; set; }

    public Mark? RoleRefKindStart { get; set; }

    public string? RoleRefName { get; set; }

    public ImmutableArray<Subject>? Subjects { get; set; }

    public ImmutableDictionary<string, string>? Data { get; set; }

    public ImmutableDictionary<string, int>? DataLines { get; set; }

    public ImmutableSortedDictionary<string, string>? Hard { get; set; }

    public ImmutableArray<LimitRangeItem>? Limits { get; set; }

    public Mark? SpecStart { get; set; }

    public string? Group { get; set; }

    public Mark? NamesStart { get; set; }

    public string? Plural { get; set; }

    public string? Singular { get; set; }

    public string? NamesKind { get; set; }

    public ImmutableArray<string>? ShortNames { get; set; }

    public string? Scope { get; set; }

    public Mark? ScopeStart { get; set; }

    /// <summary>Wrong value types: complete diagnostics, reported only for known kinds.</summary>
    public List<Diagnostic>? Problems { get; set; }

    /// <summary>Missing fields inside the object, reported as "Kind 'name' {Text}" once the kind and name are known.</summary>
    public List<DraftProblem>? NamedProblems { get; set; }

    /// <summary>Items of a list that carry no kind of their own (typed lists such as RoleList name it once).</summary>
    public List<ObjectDraft>? KindlessItems { get; set; }

    public void AddNamedProblem(DraftProblem problem) => (NamedProblems ??= []).Add(problem);

    public bool Wants(string kind) => Kind is null || string.Equals(Kind, kind, StringComparison.Ordinal);

    public bool Wants(string kind, string otherKind) => Kind is null || string.Equals(Kind, kind, StringComparison.Ordinal) || string.Equals(Kind, otherKind, StringComparison.Ordinal);
}
