using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record LimitRangeObject(string Namespace, string Name, ImmutableArray<LimitRangeItem> Limits);
