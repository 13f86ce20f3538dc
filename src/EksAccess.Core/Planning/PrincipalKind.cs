namespace EksAccess.Core.Planning;

/// <summary>The IAM entity behind a principal ARN: aws-auth maps users under mapUsers and roles under mapRoles.</summary>
public enum PrincipalKind
{
    User,
    Role,
}
