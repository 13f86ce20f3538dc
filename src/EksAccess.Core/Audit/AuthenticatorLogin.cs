namespace EksAccess.Core.Audit;

/// <summary>
/// An aws-iam-authenticator <c>msg="access granted"</c> line: one token review. kube-apiserver caches reviews, so
/// these count logins, not requests. <see cref="PrincipalArn"/> is the canonical ARN the line carries.
/// </summary>
public sealed record AuthenticatorLogin(DateTimeOffset Time, string PrincipalArn, string Username, string? Uid);
