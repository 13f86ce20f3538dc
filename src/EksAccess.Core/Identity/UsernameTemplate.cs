using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Identity;

/// <summary>
/// aws-iam-authenticator's renderTemplate (pkg/server/server.go), used for aws-auth and access-entry usernames
/// and groups alike. Placeholders are replaced in the authenticator's order; unknown ones stay as written.
/// </summary>
public static partial class UsernameTemplate
{
    public const string AccountId = "{{AccountID}}";
    public const string SessionName = "{{SessionName}}";
    public const string SessionNameRaw = "{{SessionNameRaw}}";
    public const string AccessKeyId = "{{AccessKeyID}}";
    public const string Ec2PrivateDnsName = "{{EC2PrivateDNSName}}";

    public static UsernameTemplateResult Render(string template, UsernameTemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(context);

        var notes = ImmutableArray.CreateBuilder<string>();
        var result = template;
        if (result.Contains(Ec2PrivateDnsName, StringComparison.Ordinal))
        {
            if (context.SessionName is null)
            {
                notes.Add($"{Ec2PrivateDnsName} authenticates only sessions named after an EC2 instance id (i-…); it is left as a placeholder");
            }
            else if (!InstanceIdPattern().IsMatch(context.SessionName))
            {
                // The authenticator checks the raw session name before it calls ec2:DescribeInstances; a session
                // that is not an instance id fails authentication outright.
                return UsernameTemplateResult.Failure(
                    $"SessionName did not contain an instance id (session '{context.SessionName}'; {Ec2PrivateDnsName} needs a session named like i-0123456789abcdef0)");
            }
            else if (context.Ec2PrivateDnsName is null)
            {
                notes.Add($"{Ec2PrivateDnsName} is the private DNS name of instance {context.SessionName}, which a snapshot does not hold; it is left as a placeholder");
            }
            else
            {
                result = result.Replace(Ec2PrivateDnsName, context.Ec2PrivateDnsName, StringComparison.Ordinal);
            }
        }

        result = result.Replace(AccountId, context.AccountId, StringComparison.Ordinal);
        if (context.SessionName is not null)
        {
            result = result.Replace(SessionName, context.SessionName.Replace('@', '-'), StringComparison.Ordinal);
            result = result.Replace(SessionNameRaw, context.SessionName, StringComparison.Ordinal);
        }

        if (result.Contains(AccessKeyId, StringComparison.Ordinal))
        {
            if (context.AccessKeyId is null)
            {
                notes.Add($"{AccessKeyId} is the access key id that signed the token, which is unknown offline; it is left as a placeholder");
            }
            else
            {
                result = result.Replace(AccessKeyId, context.AccessKeyId, StringComparison.Ordinal);
            }
        }

        foreach (var unknown in PlaceholderPattern().Matches(result).Select(match => match.Value).Distinct(StringComparer.Ordinal))
        {
            if (unknown is not (Ec2PrivateDnsName or AccessKeyId or SessionName or SessionNameRaw))
            {
                notes.Add($"{unknown} is not a placeholder the authenticator knows; it stays in the text as written");
            }
        }

        return UsernameTemplateResult.Success(result, notes.ToImmutable());
    }

    /// <summary>True when the text depends on the role session name (and so on who assumes the role).</summary>
    public static bool DependsOnSessionName(string template) =>
        template.Contains(SessionName, StringComparison.Ordinal)
        || template.Contains(SessionNameRaw, StringComparison.Ordinal)
        || template.Contains(Ec2PrivateDnsName, StringComparison.Ordinal);

    // Go's \w is ASCII-only: [0-9A-Za-z_].
    [GeneratedRegex("^i-([0-9A-Za-z_]{8}|[0-9A-Za-z_]{17})\\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex InstanceIdPattern();

    [GeneratedRegex("\\{\\{[^{}]*\\}\\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
