namespace EksAccess.Core.Identity;

/// <summary>
/// What aws-iam-authenticator knows about the caller when it renders a username or group template.
/// <see cref="SessionName"/> is the raw role session name (empty for IAM users and the root user), or null when it is
/// not known (a principal described in general, e.g. "any session of role X"): session placeholders then stay as written.
/// <see cref="AccessKeyId"/> and <see cref="Ec2PrivateDnsName"/> are unknown offline (null): the rendered text then keeps
/// the placeholder and the result carries a note.
/// </summary>
public sealed record UsernameTemplateContext(string AccountId, string? SessionName)
{
    public string? AccessKeyId { get; init; }

    public string? Ec2PrivateDnsName { get; init; }
}
