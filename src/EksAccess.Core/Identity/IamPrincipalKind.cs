namespace EksAccess.Core.Identity;

/// <summary>The IAM/STS principal shapes aws-iam-authenticator's canonicalization accepts.</summary>
public enum IamPrincipalKind
{
    /// <summary><c>arn:P:iam::A:user/path/name</c>.</summary>
    User,

    /// <summary><c>arn:P:iam::A:role/path/name</c>.</summary>
    Role,

    /// <summary><c>arn:P:sts::A:assumed-role/name/session</c>: a session of a role (never carries the role's path).</summary>
    AssumedRole,

    /// <summary><c>arn:P:sts::A:federated-user/name</c> (GetFederationToken).</summary>
    FederatedUser,

    /// <summary><c>arn:P:iam::A:root</c>, the account's root user.</summary>
    Root,
}
