using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record CustomResourceDefinitionObject(string Group, string Plural, string Singular, string Kind, ImmutableArray<string> ShortNames, bool Namespaced);
