using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record ResourceQuotaObject(string Namespace, string Name, ImmutableSortedDictionary<string, string> Hard);
