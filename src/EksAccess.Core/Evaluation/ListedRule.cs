using System.Collections.Immutable;

namespace EksAccess.Core.Evaluation;

/// <summary>One row of <c>can-i --list</c>: resources as <c>resource.group</c>, URLs, names and verbs.</summary>
public sealed record ListedRule(
    ImmutableArray<string> Resources,
    ImmutableArray<string> NonResourceUrls,
    ImmutableArray<string> ResourceNames,
    ImmutableArray<string> Verbs);
