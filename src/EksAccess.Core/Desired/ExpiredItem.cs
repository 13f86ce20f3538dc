using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Desired;

/// <summary>Something access.yaml still lists but no longer wants: what it is (one line), when it expired, and where it is written.</summary>
public sealed record ExpiredItem(string Description, DateTimeOffset At, SourceLocation Location);
