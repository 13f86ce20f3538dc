using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Identity;

/// <summary>
/// Any ARN, split into its six fields the way the AWS SDK's arn.Parse does: it must start with <c>arn:</c>
/// and have at least six <c>:</c>-separated sections; the resource (the sixth) may itself contain <c>:</c>.
/// No field is validated here; <see cref="IamPrincipalArn"/> adds the rules for IAM principals.
/// </summary>
public sealed record AwsArn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    private const string Prefix = "arn:";

    public static bool TryParse(string? text, [NotNullWhen(true)] out AwsArn? arn, [NotNullWhen(false)] out string? error)
    {
        arn = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "an ARN is required, got an empty string";
            return false;
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"'{text}' is not an ARN: it must start with 'arn:'";
            return false;
        }

        var sections = text.Split(':', 6);
        if (sections.Length < 6)
        {
            error = $"'{text}' is not an ARN: it needs six ':'-separated sections (arn:partition:service:region:account:resource)";
            return false;
        }

        arn = new AwsArn(sections[1], sections[2], sections[3], sections[4], sections[5]);
        error = null;
        return true;
    }

    /// <summary>The parsed ARN, or null when <paramref name="text"/> is not one.</summary>
    public static AwsArn? ParseOrNull(string? text) => TryParse(text, out var arn, out _) ? arn : null;

    /// <summary>The resource's last <c>/</c>-separated segment: an IAM user's or role's name without its path.</summary>
    public string ResourceName => Resource[(Resource.LastIndexOf('/') + 1)..];

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{Resource}";
}
