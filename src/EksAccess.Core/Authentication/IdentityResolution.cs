using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Authentication;

/// <summary>
/// Who an IAM principal becomes in Kubernetes, as EKS's authenticator decides: <see cref="Mapped"/> (a username and
/// groups, and the mapping that produced them) or <see cref="Rejected"/> (kubectl shows "You must be logged in to the
/// server (Unauthorized)").
/// </summary>
public abstract record IdentityResolution
{
    public const string AccessEntrySource = "accessEntry";
    public const string AwsAuthSource = "awsAuth";

    /// <summary>kube-apiserver adds this group to every authenticated user.</summary>
    public const string AuthenticatedGroup = "system:authenticated";

    private protected IdentityResolution()
    {
    }

    /// <summary>
    /// The caller as STS reports it: the session ARN for a role (<c>arn:P:sts::A:assumed-role/name/session</c>;
    /// <c>{{SessionName}}</c> when the session is not known), the ARN itself for users, federated users and root.
    /// </summary>
    public required string CallerArn { get; init; }

    /// <summary>The ARN the authenticator matches (pkg/arn Canonicalize); null when the input was not a principal ARN.</summary>
    public string? CanonicalArn { get; init; }

    /// <summary>The role session name used for templates: empty for users and root, null when not known.</summary>
    public string? SessionName { get; init; }

    /// <summary>What the answer depends on that the snapshot cannot show, and near misses worth knowing.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public abstract bool IsMapped { get; }

    /// <summary>The principal authenticates.</summary>
    public sealed record Mapped : IdentityResolution
    {
        public required string Username { get; init; }

        /// <summary>The mapping's groups, rendered, with <c>system:authenticated</c> appended as kube-apiserver does.</summary>
        public required ImmutableArray<string> Groups { get; init; }

        /// <summary><see cref="AccessEntrySource"/> or <see cref="AwsAuthSource"/>.</summary>
        public required string Source { get; init; }

        /// <summary>One line naming the mapping, e.g. <c>access entry arn:… (type STANDARD)</c> or <c>aws-auth mapRoles[1] rolearn arn:… (snap/aws-auth.yaml:12)</c>.</summary>
        public required string MatchedBy { get; init; }

        /// <summary>
        /// The access entry that matched. Its associated access policies apply through it, and only through it: an
        /// aws-auth mapping that uses the same username does not get them.
        /// </summary>
        public AccessEntry? Entry { get; init; }

        public AwsAuthRoleMapping? RoleMapping { get; init; }

        public AwsAuthUserMapping? UserMapping { get; init; }

        public AwsAuthAccountMapping? AccountMapping { get; init; }

        public override bool IsMapped => true;

        /// <summary>The identity the authorizers see (groups as they are, system:authenticated included).</summary>
        public UserInfo ToUserInfo() => new(Username, Groups);
    }

    /// <summary>The principal does not authenticate.</summary>
    public sealed record Rejected : IdentityResolution
    {
        /// <summary>One line, in the spirit of the authenticator's "access denied" log line.</summary>
        public required string Reason { get; init; }

        public override bool IsMapped => false;
    }
}
