using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>An <c>expires:</c> value of access.yaml: the instant (UTC) the item stops being wanted, and where it was written.</summary>
public sealed record ExpiryConfig(DateTimeOffset At, SourceLocation Location);
