using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>The authenticated Kubernetes identity as the authorizers see it (user.Info): exactly these groups, nothing added.</summary>
public sealed record UserInfo(string Name, ImmutableArray<string> Groups);
