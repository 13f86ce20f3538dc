namespace EksAccess.Core.Expiry;

/// <summary>
/// Something a pruned grant leaves behind: tokens minted before the prune (<see cref="Kind"/> <c>tokens</c>), or an
/// object the principal created or changed while it had access (<c>serviceaccounts/token</c>, <c>rolebindings</c>, …),
/// with when and what (<see cref="Object"/>: namespace/name).
/// </summary>
public sealed record ResidueItem(string PrincipalArn, string Kind, string Description, DateTimeOffset At)
{
    public string? Verb { get; init; }

    public string? Object { get; init; }
}
