namespace EksAccess.Core.Identity;

/// <summary>One AWS partition: its id, the prefix of its region names (empty for <c>aws</c>, the fallback) and its DNS suffix.</summary>
public sealed record AwsPartition(string Id, string RegionPrefix, string DnsSuffix);
