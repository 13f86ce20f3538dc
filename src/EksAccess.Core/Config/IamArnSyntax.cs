using EksAccess.Core.Identity;
using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Config;

/// <summary>
/// The parts of an IAM principal ARN, as the config validator needs them:
/// <c>arn:P:iam::A:user/PATH/NAME</c>, <c>arn:P:iam::A:role/PATH/NAME</c>, <c>arn:P:iam::A:root</c> or
/// <c>arn:P:sts::A:assumed-role/ROLE/SESSION</c>. <see cref="Kind"/> is user, role, root or assumed-role.
/// The ARN is split by <see cref="AwsArn"/>; this type adds the validator's rules and words its problems for a config file.
/// </summary>
internal sealed record IamArnSyntax(string Partition, string Account, string Kind, string Path, string Name)
{
    public const string UserKind = "user";
    public const string RoleKind = "role";
    public const string RootKind = "root";
    public const string AssumedRoleKind = "assumed-role";

    public static bool TryParse(string text, [NotNullWhen(true)] out IamArnSyntax? arn, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        arn = null;
        if (!AwsArn.TryParse(text, out var parsed, out _))
        {
            problem = "an ARN has six ':'-separated parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE";
            return false;
        }

        var (partition, service, region, account, resource) = (parsed.Partition, parsed.Service, parsed.Region, parsed.AccountId, parsed.Resource);
        if (!AwsPartitions.IsKnown(partition))
        {
            problem = $"unknown partition '{partition}'";
            return false;
        }

        if (service is not ("iam" or "sts"))
        {
            problem = $"service '{service}' is not iam";
            return false;
        }

        if (region.Length != 0)
        {
            problem = "IAM ARNs have no region (two ':' after the service)";
            return false;
        }

        if (account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            problem = $"account '{account}' is not 12 digits";
            return false;
        }

        if (string.Equals(service, "sts", StringComparison.Ordinal))
        {
            var session = resource.Split('/');
            if (session.Length != 3 || !string.Equals(session[0], AssumedRoleKind, StringComparison.Ordinal) || session[1].Length == 0 || session[2].Length == 0)
            {
                problem = "an STS ARN must be assumed-role/ROLE/SESSION";
                return false;
            }

            arn = new IamArnSyntax(partition, account, AssumedRoleKind, "/", session[1]);
            problem = null;
            return true;
        }

        if (string.Equals(resource, RootKind, StringComparison.Ordinal))
        {
            arn = new IamArnSyntax(partition, account, RootKind, "/", "");
            problem = null;
            return true;
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var kind = slash < 0 ? resource : resource[..slash];
        if (kind is not (UserKind or RoleKind))
        {
            problem = $"resource '{resource}' is not user/NAME or role/NAME";
            return false;
        }

        var last = resource.LastIndexOf('/');
        var name = resource[(last + 1)..];
        var path = resource[slash..(last + 1)];
        if (!ConfigNames.IsIamName(name, 64))
        {
            problem = $"'{name}' is not a valid IAM {kind} name";
            return false;
        }

        if (!ConfigNames.IsIamPath(path))
        {
            problem = $"'{path}' is not a valid IAM path";
            return false;
        }

        arn = new IamArnSyntax(partition, account, kind, path, name);
        problem = null;
        return true;
    }
}
