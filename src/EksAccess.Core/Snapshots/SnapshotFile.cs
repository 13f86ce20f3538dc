namespace EksAccess.Core.Snapshots;

/// <summary>One file of a snapshot directory: its path (as diagnostics should print it) and its text.</summary>
public sealed record SnapshotFile(string Path, string Text);
