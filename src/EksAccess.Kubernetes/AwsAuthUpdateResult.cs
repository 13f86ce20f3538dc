using EksAccess.Core.Planning;

namespace EksAccess.Kubernetes;

/// <summary>What <see cref="AwsAuthUpdater.UpdateAsync"/> did: the edit it wrote (or found unnecessary), how many reads it took, and the backup.</summary>
public sealed record AwsAuthUpdateResult(AwsAuthEdit Edit, bool Written, int Attempts, string? BackupPath);
