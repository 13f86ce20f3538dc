namespace EksAccess.Core.Planning;

/// <summary>Why an aws-auth write (or a revoke) must not happen; callers decide by kind, never by the wording.</summary>
public enum RefusalKind
{
    /// <summary>No IAM principal would keep a path to cluster-admin (--force overrides it in revoke).</summary>
    LastAdminPath,

    /// <summary>A node-role mapping (system:nodes) would be dropped or changed: nodes could no longer join.</summary>
    NodeRoleMapping,

    /// <summary>An aws-auth section cannot be read, or the new text would read back differently.</summary>
    UnreadableSection,

    /// <summary>A grant longer than --max or cluster.maxGrantDuration (--force overrides it).</summary>
    ExpiryBeyondLimit,

    /// <summary>The expiry cannot be recorded where prune would find and honour it (not STANDARD, not managed, a permanent association to widen).</summary>
    CannotRecordExpiry,
}
