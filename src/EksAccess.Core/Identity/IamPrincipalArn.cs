using EksAccess.Core.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Identity;

/// <summary>
/// The ARN of a principal that can call STS GetCallerIdentity, and so present a token to EKS: an IAM user or
/// role (with its path), an STS assumed-role session, an STS federated user, or the account root.
/// Parsing is strict (12-digit account, empty region, a known partition, IAM name characters) because a
/// caller ARN that STS returns always has that shape; anything else can never authenticate.
/// Comparisons the authenticator makes are case-insensitive; this type keeps the text as written.
/// </summary>
public sealed partial record IamPrincipalArn
{
    private IamPrincipalArn(string value, string partition, string accountId, IamPrincipalKind kind, string name, string path, string? sessionName)
    {
        Value = value;
        Partition = partition;
        AccountId = accountId;
        Kind = kind;
        Name = name;
        Path = path;
        SessionName = sessionName;
    }

    /// <summary>The ARN as written.</summary>
    public string Value { get; }

    public string Partition { get; }

    public string AccountId { get; }

    public IamPrincipalKind Kind { get; }

    /// <summary>
    /// The user or role name (without path); the role name for an assumed-role session; the federated
    /// user's name; <c>root</c> for the account root.
    /// </summary>
    public string Name { get; }

    /// <summary>IAM path of a user or role, <c>/</c> when it has none (and for every other kind).</summary>
    public string Path { get; }

    /// <summary>The role session name of an assumed-role ARN; null for every other kind.</summary>
    public string? SessionName { get; }

    public bool HasPath => !string.Equals(Path, "/", StringComparison.Ordinal);

    public bool IsServiceLinkedRole =>
        Kind == IamPrincipalKind.Role && Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);

    public static IamPrincipalArn Parse(string text) =>
        TryParse(text, out var arn, out var error) ? arn : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out IamPrincipalArn? arn, [NotNullWhen(false)] out string? error)
    {
        arn = null;
        if (!AwsArn.TryParse(text, out var parsed, out error))
        {
            return false;
        }

        var value = text!;
        if (!AwsPartitions.IsKnown(parsed.Partition))
        {
            error = $"{Echo.Quote(value)} has partition '{parsed.Partition}', which is not one of {string.Join(", ", AwsPartitions.All)}";
            return false;
        }

        if (parsed.Service is not ("iam" or "sts"))
        {
            error = $"{Echo.Quote(value)} is an ARN of service '{parsed.Service}': only IAM users, roles, the root user and STS sessions can authenticate";
            return false;
        }

        if (parsed.Region.Length != 0)
        {
            error = $"{Echo.Quote(value)} has region '{parsed.Region}': IAM and STS principal ARNs have an empty region (arn:{parsed.Partition}:{parsed.Service}::{parsed.AccountId}:…)";
            return false;
        }

        if (!AccountIdPattern().IsMatch(parsed.AccountId))
        {
            error = $"{Echo.Quote(value)} has account '{parsed.AccountId}': an AWS account id is 12 digits";
            return false;
        }

        var parts = parsed.Resource.Split('/');
        var resourceType = parts[0];
        switch (parsed.Service)
        {
            case "iam" when string.Equals(parsed.Resource, "root", StringComparison.Ordinal):
                arn = new IamPrincipalArn(value, parsed.Partition, parsed.AccountId, IamPrincipalKind.Root, "root", "/", sessionName: null);
                return true;

            case "iam" when resourceType is "user" or "role":
                if (!TryReadPathAndName(value, parts, out var path, out var name, out error))
                {
                    return false;
                }

                var kind = resourceType is "user" ? IamPrincipalKind.User : IamPrincipalKind.Role;
                arn = new IamPrincipalArn(value, parsed.Partition, parsed.AccountId, kind, name, path, sessionName: null);
                return true;

            case "iam":
                error = $"{Echo.Quote(value)} is an IAM '{resourceType}', not a principal that can authenticate (only user, role, root and STS sessions can)";
                return false;

            case "sts" when resourceType is "assumed-role":
                if (parts.Length < 3 || parts[1..^1].Any(string.IsNullOrEmpty))
                {
                    error = $"{Echo.Quote(value)} is an assumed-role ARN without a role: expected assumed-role/<role name>/<session name>";
                    return false;
                }

                var session = parts[^1];
                if (!SessionNamePattern().IsMatch(session))
                {
                    error = $"{Echo.Quote(value)} has session name {Echo.Quote(session)}: a role session name is 2-64 characters of letters, digits and +=,.@_-";
                    return false;
                }

                arn = new IamPrincipalArn(value, parsed.Partition, parsed.AccountId, IamPrincipalKind.AssumedRole, string.Join('/', parts[1..^1]), "/", session);
                return true;

            case "sts" when resourceType is "federated-user":
                if (parts.Length != 2 || !NamePattern().IsMatch(parts[1]))
                {
                    error = $"{Echo.Quote(value)} is not a federated-user ARN: expected federated-user/<name>";
                    return false;
                }

                arn = new IamPrincipalArn(value, parsed.Partition, parsed.AccountId, IamPrincipalKind.FederatedUser, parts[1], "/", sessionName: null);
                return true;

            default:
                error = $"{Echo.Quote(value)} has STS resource '{resourceType}': only assumed-role and federated-user sessions can authenticate";
                return false;
        }
    }

    /// <summary>
    /// What aws-iam-authenticator's pkg/arn Canonicalize returns: an assumed-role session becomes the IAM role
    /// <c>arn:P:iam::A:role/&lt;role name&gt;</c> (no path: STS never reports it); users, roles, root and
    /// federated users pass through unchanged.
    /// </summary>
    public IamPrincipalArn Canonicalize() => Kind == IamPrincipalKind.AssumedRole
        ? Parse($"arn:{Partition}:iam::{AccountId}:role/{Name}")
        : this;

    /// <summary>
    /// The ARN with a role's path removed (pkg/arn StripPath, used when matching access entries). Only roles
    /// change: user paths are part of what GetCallerIdentity returns and are kept.
    /// </summary>
    public IamPrincipalArn WithoutPath() => Kind == IamPrincipalKind.Role && HasPath
        ? Parse($"arn:{Partition}:iam::{AccountId}:role/{Name}")
        : this;

    /// <summary>The ARN STS reports for a session of this role: <c>arn:P:sts::A:assumed-role/&lt;name&gt;/&lt;session&gt;</c>, without the role's path.</summary>
    public IamPrincipalArn ToAssumedRoleSession(string sessionName)
    {
        if (Kind != IamPrincipalKind.Role)
        {
            throw new InvalidOperationException($"'{Value}' is not an IAM role");
        }

        return Parse($"arn:{Partition}:sts::{AccountId}:assumed-role/{Name}/{sessionName}");
    }

    /// <summary>True when <paramref name="sessionName"/> is a valid STS role session name (2-64 of <c>[\w+=,.@-]</c>).</summary>
    public static bool IsValidSessionName(string sessionName) => SessionNamePattern().IsMatch(sessionName);

    public override string ToString() => Value;

    private static bool TryReadPathAndName(string value, string[] parts, out string path, out string name, [NotNullWhen(false)] out string? error)
    {
        path = "/";
        name = "";
        if (parts.Length < 2 || parts.Any(string.IsNullOrEmpty))
        {
            error = $"{Echo.Quote(value)} has no {parts[0]} name: expected {parts[0]}/<name> or {parts[0]}/<path>/<name>";
            return false;
        }

        name = parts[^1];
        if (!NamePattern().IsMatch(name))
        {
            error = $"{Echo.Quote(value)} has {parts[0]} name {Echo.Quote(name)}: IAM names use letters, digits and +=,.@_-";
            return false;
        }

        var segments = parts[1..^1];
        if (segments.Any(segment => !PathSegmentPattern().IsMatch(segment)))
        {
            error = $"{Echo.Quote(value)} has an invalid path: IAM path segments are printable ASCII";
            return false;
        }

        path = segments.Length == 0 ? "/" : "/" + string.Join('/', segments) + "/";
        error = null;
        return true;
    }

    [GeneratedRegex("^[0-9]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]{2,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex("^[\\x21-\\x2E\\x30-\\x7E]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegmentPattern();
}
