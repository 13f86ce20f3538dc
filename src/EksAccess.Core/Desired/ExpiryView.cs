using System.Collections.Immutable;
using EksAccess.Core.Config;

namespace EksAccess.Core.Desired;

/// <summary>
/// An access config as of one instant (<see cref="ConfigExpiry.At"/>): <see cref="Current"/> without what has expired,
/// <see cref="Full"/> as written, and <see cref="Expired"/> naming each item that was dropped.
/// </summary>
public sealed record ExpiryView(AccessConfig Full, AccessConfig Current, ImmutableArray<ExpiredItem> Expired, DateTimeOffset At);
