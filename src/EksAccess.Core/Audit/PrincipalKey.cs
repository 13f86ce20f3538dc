using System.Runtime.CompilerServices;

namespace EksAccess.Core.Audit;

/// <summary>The strings of <c>user</c> that decide its canonical ARN, compared by reference (they come from <see cref="AuditLine.Strings"/>).</summary>
internal readonly record struct PrincipalKey(string? CanonicalArn, string? Arn, string Username)
{
    public bool Equals(PrincipalKey other) =>
        ReferenceEquals(CanonicalArn, other.CanonicalArn) && ReferenceEquals(Arn, other.Arn) && ReferenceEquals(Username, other.Username);

    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(CanonicalArn), RuntimeHelpers.GetHashCode(Arn), RuntimeHelpers.GetHashCode(Username));
}
