using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record NamespaceObject(string Name, ImmutableDictionary<string, string> Labels);
