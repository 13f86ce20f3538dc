using EksAccess.Core.Diagnostics;
using EksAccess.Core.Identity;

namespace EksAccess.Core.AwsAuth;

/// <summary>One item of aws-auth <c>mapAccounts</c>: every IAM principal of the account authenticates as its canonical ARN, with no groups.</summary>
public sealed record AwsAuthAccountMapping(int Index, string AccountId, SourceLocation Location)
{
    public const string Section = AwsAuthNames.MapAccounts;

    public string Describe() => $"aws-auth {Section}[{Index}] {AccountId}{AwsAuthLocator.Suffix(Location)}";
}
