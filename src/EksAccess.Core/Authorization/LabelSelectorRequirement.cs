using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record LabelSelectorRequirement(string Key, string Operator, ImmutableArray<string> Values);
