namespace EksAccess.Core.Authorization;

/// <summary>One rule a user holds (for <c>can-i --list</c>), with the binding, role and subject it came through.</summary>
public sealed record GrantedRule(PolicyRule Rule, RbacReason Source);
