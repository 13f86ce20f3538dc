namespace EksAccess.Core.Revocation;

/// <summary>How a principal gets into the cluster (or holds credentials to).</summary>
public enum AccessPathKind
{
    /// <summary>An EKS access entry for the principal.</summary>
    AccessEntry,

    /// <summary>An aws-auth mapRoles/mapUsers entry for the principal.</summary>
    AwsAuthMapping,

    /// <summary>aws-auth mapAccounts lists the principal's account: every principal of it authenticates.</summary>
    AwsAuthAccount,

    /// <summary>A group membership whose group policy allows sts:AssumeRole on a role the cluster maps.</summary>
    GroupAssumeRole,

    /// <summary>The user's own inline policy allows sts:AssumeRole on a role the cluster maps.</summary>
    InlinePolicyAssumeRole,

    /// <summary>An active access key: credentials to sign tokens with.</summary>
    AccessKey,
}
