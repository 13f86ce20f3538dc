namespace EksAccess.Core.Expiry;

/// <summary>
/// One expired grant prune found: whose (<see cref="PrincipalArn"/>), what (<see cref="What"/>: the access entry, an
/// association, or a leftover expiry record), when it expired, and — for one it keeps — why it may not go.
/// </summary>
public sealed record PruneItem(string PrincipalArn, string What, DateTimeOffset ExpiredAt)
{
    public string? Reason { get; init; }

    /// <summary>The granted policy (ARN) when the item is an association; null for the entry or a record.</summary>
    public string? PolicyArn { get; init; }
}
