using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigValidation
{
    /// <summary>A config user/role name, or an IAM user/role ARN (an STS session ARN too when <paramref name="allowSession"/>).</summary>
    private void CheckPrincipalReference(string value, SourceLocation at, string what, bool allowSession)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            string[] kinds = allowSession
                ? [IamArnSyntax.RoleKind, IamArnSyntax.UserKind, IamArnSyntax.AssumedRoleKind]
                : [IamArnSyntax.RoleKind, IamArnSyntax.UserKind];
            CheckArn(value, at, what, kinds, []);
            return;
        }

        var isUser = _users.Contains(value);
        var isRole = _roles.Contains(value);
        if (isUser && isRole)
        {
            Report(at, $"{what} {Echo.Quote(value)} names both an IAM user and an IAM role", $"write the ARN instead: arn:{PartitionOrDefault}:iam::{AccountOrExample}:user/{value} or …:role/{value}");
        }
        else if (!isUser && !isRole)
        {
            Report(
                at,
                $"{what} {Echo.Quote(value)} is neither an IAM user or role in this config nor an IAM ARN",
                Join(Spelling.DidYouMean(value, [.. _users, .. _roles]), $"define it under iam.users or iam.roles, or write its ARN, e.g. arn:{PartitionOrDefault}:iam::{AccountOrExample}:role/{(value.Length == 0 ? "NAME" : value)}"));
        }
    }

    /// <summary>Checks an IAM ARN's form, kind, partition and account (the cluster's, a trusted one, or one of <paramref name="extraAccounts"/>).</summary>
    private void CheckArn(string value, SourceLocation at, string what, string[] kinds, ImmutableArray<string> extraAccounts)
    {
        var example = $"arn:{PartitionOrDefault}:iam::{AccountOrExample}:{kinds[0]}/NAME";
        if (!IamArnSyntax.TryParse(value, out var arn, out var problem))
        {
            Report(at, $"{what} {Echo.Quote(value)} is not a valid IAM ARN: {problem}", $"write it as {example}");
            return;
        }

        // The evaluator's parser (verify, whoami, can-i) must never be the first to refuse what validate accepted.
        if (!IamPrincipalArn.TryParse(value, out _, out var principalProblem))
        {
            Report(at, $"{what} is not a principal ARN: {principalProblem}", $"write it as {example}");
            return;
        }

        if (!kinds.Contains(arn.Kind, StringComparer.Ordinal))
        {
            var hint = string.Equals(arn.Kind, IamArnSyntax.AssumedRoleKind, StringComparison.Ordinal)
                ? $"use the role's ARN, arn:{arn.Partition}:iam::{arn.Account}:role/{arn.Name}: sessions come and go, the role stays"
                : $"write it as {example}";
            Report(at, $"{what} {Echo.Quote(value)} is {KindPhrase(arn.Kind)}, but {string.Join(" or ", kinds.Select(KindPhrase))} is expected here", hint);
            return;
        }

        if (_partition is not null && !string.Equals(arn.Partition, _partition, StringComparison.Ordinal))
        {
            Report(at, $"{what} {Echo.Quote(value)} is in partition '{arn.Partition}', but the cluster is in '{_partition}'", $"write arn:{_partition}:… (the partition follows cluster.region)");
            return;
        }

        if (_account is not null && !string.Equals(arn.Account, _account, StringComparison.Ordinal)
            && !_config.Cluster.TrustedAccountIds.Contains(arn.Account, StringComparer.Ordinal)
            && !extraAccounts.Contains(arn.Account, StringComparer.Ordinal))
        {
            Report(
                at,
                $"{what} {Echo.Quote(value)} is in account {arn.Account}, which is neither the cluster's account {_account} nor in cluster.trustedAccountIds",
                $"add \"{arn.Account}\" to cluster.trustedAccountIds if that account should have access, or fix the account ID");
        }
    }

    private static string KindPhrase(string kind) => kind switch
    {
        IamArnSyntax.UserKind => "an IAM user ARN",
        IamArnSyntax.RoleKind => "an IAM role ARN",
        IamArnSyntax.RootKind => "an account root ARN",
        _ => "an STS assumed-role (session) ARN",
    };

}
