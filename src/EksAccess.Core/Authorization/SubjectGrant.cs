namespace EksAccess.Core.Authorization;

/// <summary>
/// One subject that a binding allowing a request names (for <c>who-can</c>). <see cref="Subject"/> is normalized: a
/// ServiceAccount's empty namespace is replaced by the RoleBinding's. <see cref="Via"/> names the binding, role and
/// rule, with the subject as written in the binding.
/// </summary>
public sealed record SubjectGrant(Subject Subject, RbacReason Via);
