using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Onboarding;
using EksAccess.Core.Text;
using EksAccess.Core.Desired;

namespace EksAccess.Cli;

/// <summary>
/// An IAM principal as every command takes it: an ARN, or — wherever a config is given — a user or role name the
/// config defines (whoami, can-i, matrix, onboard, revoke all read it the same way).
/// </summary>
internal static class PrincipalArgument
{
    public static string Resolve(string value, string option, AccessConfig? config)
    {
        ArgumentNullException.ThrowIfNull(value);
        var arn = value;
        if (config is not null && !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            try
            {
                arn = PrincipalResolver.PrincipalArn(config, value);
            }
            catch (ArgumentException)
            {
                var known = OnboardingGuideBuilder.KnownPrincipals(config).Where(n => !n.StartsWith("arn:", StringComparison.Ordinal));
                throw new InputException($"{option} {Echo.Quote(value)}: not a user or role of {config.SourceFile} — use an IAM ARN or one of: {string.Join(", ", known)}");
            }
        }

        if (!IamPrincipalArn.TryParse(arn, out _, out var error))
        {
            var hint = config is null ? " (a name works only with -f access.yaml)" : "";
            throw new InputException($"{option} {Echo.Quote(value)}: {error}{hint}");
        }

        return arn;
    }
}
