using System.Collections.Concurrent;
using EksAccess.Aws.Access;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;

namespace EksAccess.Cli.Commands;

/// <summary>
/// migrate's IAM reads: every mapped role and user asked in the account of its ARN — the caller's own credentials for
/// the caller's account, an assumed role for an account given with --assume-role-in, and for any other account no
/// question at all (the mapping is reported as not resolvable: a same-named role of the caller's account is never taken).
/// </summary>
internal static class MigrateLookups
{
    private const string SessionName = "eksaccess-migrate";

    /// <summary>--assume-role-in ACCOUNT=ROLE_ARN, by account.</summary>
    public static IReadOnlyDictionary<string, string> ParseAssumeRoles(IReadOnlyList<string> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            var account = at < 0 ? "" : value[..at];
            var role = at < 0 ? "" : value[(at + 1)..];
            if (account.Length != 12 || !account.All(char.IsAsciiDigit)
                || !IamPrincipalArn.TryParse(role, out var arn, out _) || arn.Kind != IamPrincipalKind.Role || !string.Equals(arn.AccountId, account, StringComparison.Ordinal))
            {
                throw new InputException($"--assume-role-in {value}: give ACCOUNT=ROLE_ARN, a 12-digit account and a role of that account, e.g. 444455556666=arn:aws:iam::444455556666:role/EksAccessReader");
            }

            if (!result.TryAdd(account, role))
            {
                throw new InputException($"--assume-role-in names account {account} twice — give one role per account");
            }
        }

        return result;
    }

    public static async Task<IReadOnlyDictionary<string, PrincipalLookup>> ResolveAsync(
        ClusterSnapshot snapshot, IAwsAccessClient aws, IReadOnlyDictionary<string, string> assumeRoles, AwsConnectionOptions options, CliContext context, CancellationToken cancellationToken)
    {
        var mappings = snapshot.AwsAuth is null ? AwsAuthMappings.Empty : AwsAuthParser.Parse(snapshot.AwsAuth);
        var principals = mappings.MapRoles.Select(r => r.RoleArn).Concat(mappings.MapUsers.Select(u => u.UserArn))
            .Select(arn => IamPrincipalArn.TryParse(arn, out var parsed, out _) && parsed.Kind is IamPrincipalKind.Role or IamPrincipalKind.User ? parsed : null)
            .OfType<IamPrincipalArn>()
            .DistinctBy(p => p.Value.ToLowerInvariant(), StringComparer.Ordinal)
            .ToList();
        var result = new ConcurrentDictionary<string, PrincipalLookup>(StringComparer.Ordinal);
        if (principals.Count == 0)
        {
            return result;
        }

        // The account is the ARN's fifth field, whatever the caller is (GetCallerIdentity may name a user, a session, or root).
        var callerParts = (await aws.ReadCallerArnAsync(cancellationToken)).Split(':');
        var callerAccount = callerParts.Length > 4 ? callerParts[4] : "";
        foreach (var account in principals.GroupBy(p => p.AccountId, StringComparer.Ordinal))
        {
            IAwsAccessClient? reader = null;
            string? unresolvable = null;
            if (string.Equals(account.Key, callerAccount, StringComparison.Ordinal))
            {
                reader = aws;
            }
            else if (assumeRoles.TryGetValue(account.Key, out var role))
            {
                var credentials = await aws.AssumeRoleAsync(role, SessionName, cancellationToken);
                reader = context.CreateAwsAccess(AwsOptions.Settings(context, options, fallbackRegion: aws.Region) with { Credentials = credentials });
            }
            else
            {
                unresolvable = $"account {account.Key} is not the caller's ({callerAccount}): IAM answers only for its own account — give --assume-role-in {account.Key}=ROLE_ARN";
            }

            await Parallel.ForEachAsync(account, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (principal, token) =>
            {
                result[principal.Value.ToLowerInvariant()] = reader is null
                    ? PrincipalLookup.Unresolvable(unresolvable!)
                    : await reader.LookupPrincipalAsync(principal.Value, token);
            });
        }

        return result;
    }
}
