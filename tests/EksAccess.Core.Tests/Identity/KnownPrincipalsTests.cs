using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;
using static EksAccess.Core.Tests.Identity.IdentitySnapshots;

namespace EksAccess.Core.Tests.Identity;

public sealed class KnownPrincipalsTests
{
    private const string DeveloperRole = "arn:aws:iam::111122223333:role/EKSDeveloperRole";

    [Fact]
    public void KnownPrincipals_ApiAndConfigMap_AwsAuthMappingOfAnEntryPrincipalIsShadowed()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml", Entry(DeveloperRole, groups: ["dev-team"]));

        var known = resolver.KnownPrincipals().ToList();

        known.Select(principal => $"{principal.DescribedAs} | {principal.Status} | {principal.StatusReason}").ShouldBe([
            "access entry arn:aws:iam::111122223333:role/EKSDeveloperRole (type STANDARD) | Active | ",
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/EKSDeveloperRole (snap/aws-auth.walkthrough.yaml:9) | Shadowed | access entry arn:aws:iam::111122223333:role/EKSDeveloperRole (type STANDARD) overrides it",
            "aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:role/EKSNodeRole (snap/aws-auth.walkthrough.yaml:13) | Active | ",
            "aws-auth mapUsers[0] userarn arn:aws:iam::111122223333:user/dev-john (snap/aws-auth.walkthrough.yaml:19) | Active | ",
        ]);
        var shadowed = known[1].Resolution.ShouldBeMapped();
        shadowed.Source.ShouldBe("accessEntry");
        shadowed.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/{{SessionName}}");
        shadowed.Groups.ShouldBe(["dev-team", "system:authenticated"]);
    }

    [Fact]
    public void KnownPrincipals_RoleSessions_KeepSessionPlaceholders()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        var node = resolver.KnownPrincipals().Single(principal => string.Equals(principal.Principal, "arn:aws:iam::111122223333:role/EKSNodeRole", StringComparison.Ordinal)).Resolution.ShouldBeMapped();

        node.CallerArn.ShouldBe("arn:aws:sts::111122223333:assumed-role/EKSNodeRole/{{SessionName}}");
        node.Username.ShouldBe("system:node:{{EC2PrivateDNSName}}");
        node.Groups.ShouldBe(["system:bootstrappers", "system:nodes", "system:authenticated"]);
        node.Notes.ShouldBe([
            "{{EC2PrivateDNSName}} authenticates only sessions named after an EC2 instance id (i-…); it is left as a placeholder",
            "the username depends on the role session name, which whoever assumes the role chooses; it is left as a placeholder",
        ]);
    }

    [Fact]
    public void KnownPrincipals_ApiMode_AwsAuthIsInactive()
    {
        var resolver = Resolver(AuthenticationMode.Api, "aws-auth.walkthrough.yaml");

        var known = resolver.KnownPrincipals().ToList();

        known.Select(principal => principal.Status).ShouldBe([KnownPrincipalStatus.Inactive, KnownPrincipalStatus.Inactive, KnownPrincipalStatus.Inactive]);
        known[0].StatusReason.ShouldBe("authentication mode API ignores aws-auth");
        known[0].Resolution.IsMapped.ShouldBeFalse();
    }

    [Fact]
    public void KnownPrincipals_ConfigMapMode_AccessEntriesAreInactive()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, awsAuthFile: null, Entry(DeveloperRole));

        var entry = resolver.KnownPrincipals().ShouldHaveSingleItem();

        entry.Status.ShouldBe(KnownPrincipalStatus.Inactive);
        entry.StatusReason.ShouldBe("authentication mode CONFIG_MAP ignores access entries");
        entry.Resolution.IsMapped.ShouldBeFalse();
    }

    [Fact]
    public void KnownPrincipals_MapAccounts_AreWildcardPrincipals()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.map-accounts.yaml");

        var known = resolver.KnownPrincipals().ToList();

        known.Select(principal => $"{principal.Principal} | {principal.Status}").ShouldBe([
            "any IAM principal of account 111122223333 | Active",
            "any IAM principal of account 444455556666 | Active",
            "any IAM principal of account 12345 | NeverMatches",
        ]);
        known[0].IsWildcard.ShouldBeTrue();
        known[0].WildcardAccountId.ShouldBe("111122223333");
        var mapped = known[0].Resolution.ShouldBeMapped();
        mapped.Username.ShouldBe("arn:aws:iam::111122223333:*");
        mapped.Groups.ShouldBe(["system:authenticated"]);
    }

    [Fact]
    public void KnownPrincipals_AwsAuthRoleWithPath_NeverMatches()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.role-path.yaml");

        var pathed = resolver.KnownPrincipals().First();

        pathed.Status.ShouldBe(KnownPrincipalStatus.NeverMatches);
        pathed.StatusReason.ShouldBe("a role path never matches: callers are compared as arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc");
        pathed.Resolution.IsMapped.ShouldBeFalse();
    }

    [Fact]
    public void KnownPrincipals_DuplicateAndCrossSectionMappings_AreShadowed()
    {
        var roles = Resolver(AuthenticationMode.ConfigMap, "aws-auth.duplicates.yaml").KnownPrincipals().ToList();
        var kinds = Resolver(AuthenticationMode.ConfigMap, "aws-auth.principal-kinds.yaml").KnownPrincipals().ToList();

        roles.Select(principal => $"{principal.Status} | {principal.StatusReason}").ShouldBe([
            "Shadowed | overridden by aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:role/DEPLOYER (snap/aws-auth.duplicates.yaml:12)",
            "Active | ",
            "Shadowed | overridden by aws-auth mapUsers[1] userarn arn:aws:iam::111122223333:user/alice (snap/aws-auth.duplicates.yaml:18)",
            "Active | ",
        ]);
        kinds.Single(principal => principal.DescribedAs.StartsWith("aws-auth mapUsers[4]", StringComparison.Ordinal)).StatusReason.ShouldBe(
            "shadowed by aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:user/both (snap/aws-auth.principal-kinds.yaml:15): mapRoles is checked first");
    }
}
