using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;

namespace EksAccess.Core.Tests.Identity;

public sealed class AwsAuthParserTests
{
    [Fact]
    public void Parse_WalkthroughConfigMap_KeepsEveryEntryWithItsLine()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.walkthrough.yaml"));

        mappings.Diagnostics.ShouldBeEmpty();
        mappings.MapRoles.Select(role => role.Describe()).ShouldBe([
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/EKSDeveloperRole (snap/aws-auth.walkthrough.yaml:9)",
            "aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:role/EKSNodeRole (snap/aws-auth.walkthrough.yaml:13)",
        ]);
        mappings.MapRoles[1].Username.ShouldBe("system:node:{{EC2PrivateDNSName}}");
        mappings.MapRoles[1].Groups.ShouldBe(["system:bootstrappers", "system:nodes"]);
        mappings.MapUsers.ShouldHaveSingleItem().Describe().ShouldBe("aws-auth mapUsers[0] userarn arn:aws:iam::111122223333:user/dev-john (snap/aws-auth.walkthrough.yaml:19)");
        mappings.MapUsers[0].Username.ShouldBe("dev-john");
        mappings.MapUsers[0].Groups.ShouldBe(["dev-team"]);
        mappings.MapUsers[0].Location.ToString().ShouldBe("snap/aws-auth.walkthrough.yaml:19:7");
    }

    [Fact]
    public void Parse_EntryKeysInAnyLetterCase_AreRead()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.case-insensitive-keys.yaml"));

        mappings.Diagnostics.ShouldBeEmpty();
        var role = mappings.MapRoles.ShouldHaveSingleItem();
        role.RoleArn.ShouldBe("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        role.Username.ShouldBe("developer");
        role.Groups.ShouldBe(["dev-team"]);
        var user = mappings.MapUsers.ShouldHaveSingleItem();
        user.UserArn.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
        user.Groups.ShouldBe(["dev-team"]);
    }

    [Fact]
    public void Parse_LowerCaseTopLevelKey_IsIgnoredWithWarning()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.lowercase-top-key.yaml"));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.MapUsers.ShouldHaveSingleItem().Username.ShouldBe("dev-john");
        mappings.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "snap/aws-auth.lowercase-top-key.yaml:9:5: aws-auth data key 'maproles' is ignored: the authenticator reads only 'mapRoles' (keys are case-sensitive) — rename it to 'mapRoles'");
    }

    [Fact]
    public void Parse_BrokenSection_DropsOnlyThatSection()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.broken-section.yaml"));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.MapUsers.ShouldHaveSingleItem().UserArn.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
        mappings.MapAccounts.ShouldBe(["444455556666"]);
        mappings.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "snap/aws-auth.broken-section.yaml:10:16: aws-auth mapRoles is not valid YAML (While scanning a plain scalar value, found invalid mapping); "
            + "the authenticator drops the whole mapRoles section — fix the YAML: the other sections are still read");
    }

    [Fact]
    public void Parse_EntryWithoutRoleArn_IsDroppedAndOthersKeepTheirIndex()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.entry-without-rolearn.yaml"));

        mappings.MapRoles.Select(role => role.Index).ShouldBe([0, 2]);
        mappings.MapRoles.Select(role => role.RoleArn).ShouldBe([
            "arn:aws:iam::111122223333:role/EKSDeveloperRole",
            "arn:aws:iam::111122223333:role/EKSNodeRole",
        ]);
        mappings.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "snap/aws-auth.entry-without-rolearn.yaml:13:7: aws-auth mapRoles[1] has no rolearn; the authenticator drops it — it has 'userarn': user mappings go under mapUsers");
    }

    [Fact]
    public void Parse_GroupsAsString_DropsOnlyTheGroupsField()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.groups-string.yaml"));

        var role = mappings.MapRoles.ShouldHaveSingleItem();
        role.Username.ShouldBe("developer");
        role.Groups.ShouldBeEmpty();
        mappings.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "snap/aws-auth.groups-string.yaml:11:15: aws-auth mapRoles[0].groups is a string, not a list; the authenticator ignores the field, so the entry maps to no groups"
            + " — write groups as a list: '- name' lines or [name, …]");
    }

    [Fact]
    public void Parse_JsonAsCdkWritesIt_IsRead()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.cdk-json.yaml"));

        mappings.Diagnostics.ShouldBeEmpty();
        var role = mappings.MapRoles.ShouldHaveSingleItem();
        role.Username.ShouldBe("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        role.Groups.ShouldBe(["dev-team"]);
        role.Location.ToString().ShouldBe("snap/aws-auth.cdk-json.yaml:8:15");
        mappings.MapUsers.ShouldHaveSingleItem().Groups.ShouldBe(["dev-team", "viewers"]);
        mappings.MapAccounts.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_MisindentedGroupLine_BecomesOneGroupAsInYaml()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.misindented-groups.yaml"));

        mappings.MapRoles.ShouldHaveSingleItem().Groups.ShouldBe(["system:bootstrappers - system:nodes"]);
        mappings.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "snap/aws-auth.misindented-groups.yaml:12:11: aws-auth mapRoles[0].groups[0] 'system:bootstrappers - system:nodes' looks like list items folded into one "
            + "by a mis-indented '- ' line; the authenticator uses it as one group name — align the '- ' lines of the list");
    }

    [Fact]
    public void Parse_NoUsername_KeepsEntryWithNullUsernameAndWarns()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.empty-username.yaml"));

        var role = mappings.MapRoles.ShouldHaveSingleItem();
        role.Username.ShouldBeNull();
        role.Groups.ShouldBe(["dev-team"]);
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "aws-auth mapRoles[0] has no username; EKS authenticates it with an empty username, which breaks aggregated APIs such as kubectl top");
    }

    [Fact]
    public void Parse_RoleArnWithPath_IsKeptAndFlaggedAsNeverMatching()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.role-path.yaml"));

        mappings.MapRoles.Length.ShouldBe(2);
        var diagnostic = mappings.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Location.ToString().ShouldBe("snap/aws-auth.role-path.yaml:9:7");
        diagnostic.Message.ShouldBe(
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_abc has a path; "
            + "sessions of that role are compared as arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc, so it never matches");
        diagnostic.Hint.ShouldBe("write arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc (aws-auth ARNs must not contain a role path)");
    }

    [Fact]
    public void Parse_DuplicateArns_KeepsAllAndNamesTheOverriddenOnes()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.duplicates.yaml"));

        mappings.MapRoles.Length.ShouldBe(2);
        mappings.MapUsers.Length.ShouldBe(2);
        mappings.Diagnostics.Select(diagnostic => diagnostic.ToString()).ShouldBe([
            "snap/aws-auth.duplicates.yaml:9:7: aws-auth mapRoles[0] is overridden by mapRoles[1], which names the same role (ARNs compare case-insensitively); "
            + "the authenticator keeps only the last — remove the duplicate (eksctl's --no-duplicate-arns refuses them)",
            "snap/aws-auth.duplicates.yaml:16:7: aws-auth mapUsers[0] is overridden by mapUsers[1], which names the same user; the authenticator keeps only the last — remove the duplicate",
        ]);
    }

    [Fact]
    public void Parse_UnquotedTemplate_DropsTheSectionAsAnInvalidMapKey()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.unquoted-template.yaml"));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.MapUsers.ShouldHaveSingleItem();
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "aws-auth mapRoles is not valid YAML (invalid map key: a mapping is used as a key (an unquoted '{{…}}' template? quote it)); the authenticator drops the whole mapRoles section");
    }

    [Fact]
    public void Parse_MapAccounts_KeepsTextOfEveryScalarAndFlagsNonAccountIds()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Load("aws-auth.map-accounts.yaml"));

        mappings.MapAccounts.ShouldBe(["111122223333", "444455556666", "12345"]);
        mappings.AccountMappings[1].Describe().ShouldBe("aws-auth mapAccounts[1] 444455556666 (snap/aws-auth.map-accounts.yaml:10)");
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("aws-auth mapAccounts[2] '12345' is not a 12-digit account id; it never matches");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("\"\"")]
    [InlineData("''")]
    [InlineData("``")]
    public void Parse_EmptyMarkers_MeanNoEntriesAndNoDiagnostics(string value)
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", value), ("mapUsers", value), ("mapAccounts", value)));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.MapUsers.ShouldBeEmpty();
        mappings.MapAccounts.ShouldBeEmpty();
        mappings.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_WithoutPositions_ReportsPositionInsideTheValue()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", "- rolearn: arn:aws:iam::111122223333:role/Dev\n  username: dev\n  groups: dev\n")));

        mappings.Diagnostics.ShouldHaveSingleItem().Location.ToString().ShouldBe("kube-system/aws-auth#data.mapRoles:3:11");
        mappings.MapRoles.ShouldHaveSingleItem().Describe().ShouldBe("aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/Dev (kube-system/aws-auth#data.mapRoles:1)");
    }

    [Fact]
    public void Parse_YamlBooleanUsername_IsNotAStringAndIsDropped()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapUsers", "- userarn: arn:aws:iam::111122223333:user/ops\n  username: yes\n  groups: [ops, 42, \"7\"]\n")));

        var user = mappings.MapUsers.ShouldHaveSingleItem();
        user.Username.ShouldBeNull();
        user.Groups.ShouldBe(["ops", "", "7"]);
        mappings.Diagnostics.Select(diagnostic => diagnostic.Message).ShouldBe([
            "aws-auth mapUsers[0].groups[1] is a number, not a string; the authenticator keeps an empty group name in its place",
            "aws-auth mapUsers[0].username is a boolean, not a string; the authenticator ignores the field",
            "aws-auth mapUsers[0] has no username; EKS authenticates it with an empty username, which breaks aggregated APIs such as kubectl top",
        ]);
    }

    [Fact]
    public void Parse_SameFieldInTwoLetterCases_KeepsTheValueOfTheLastKeyInByteOrder()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", "- username: lower\n  rolearn: arn:aws:iam::111122223333:role/Dev\n  UserName: upper\n")));

        mappings.MapRoles.ShouldHaveSingleItem().Username.ShouldBe("lower");
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "aws-auth mapRoles[0] sets username 2 times ('UserName', 'username', keys are case-insensitive); the authenticator keeps the value of 'username'");
    }

    [Fact]
    public void Parse_SectionThatIsNotAList_IsDropped()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", "rolearn: arn:aws:iam::111122223333:role/Dev\nusername: dev\n")));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("aws-auth mapRoles is a mapping, not a list; the authenticator drops the whole section");
    }

    [Fact]
    public void Parse_SsoMatcher_IsTreatedAsMatchingNothing()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", "- sso:\n    permissionSetName: Dev\n    accountID: \"111122223333\"\n  username: dev\n")));

        mappings.MapRoles.ShouldBeEmpty();
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "aws-auth mapRoles[0] matches roles with an 'sso' matcher, which the authenticator applies only behind a feature gate; eksaccess treats it as matching nothing");
    }

    [Fact]
    public void Parse_ConfigMapOtherThanAwsAuth_IsNotRead()
    {
        var configMap = new ConfigMapObject("default", "aws-auth", AwsAuthInput.Data(("mapUsers", "- userarn: arn:aws:iam::111122223333:user/a\n  username: a\n")).Data);

        var mappings = AwsAuthParser.Parse(configMap);

        mappings.MapUsers.ShouldBeEmpty();
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("ConfigMap default/aws-auth is not read by aws-iam-authenticator");
    }

    [Fact]
    public void Parse_UserArnUnderMapRoles_IsKeptButFlagged()
    {
        var mappings = AwsAuthParser.Parse(AwsAuthInput.Data(("mapRoles", "- rolearn: arn:aws:iam::111122223333:user/dev-john\n  username: dev-john\n")));

        mappings.MapRoles.ShouldHaveSingleItem();
        mappings.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:user/dev-john is not a role; it still matches (the authenticator compares only the ARN string) but belongs under mapUsers");
    }
}
