namespace EksAccess.Core.Snapshots;

public sealed record ServiceAccountObject(string Namespace, string Name);
