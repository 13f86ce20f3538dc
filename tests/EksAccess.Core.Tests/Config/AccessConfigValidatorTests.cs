using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Tests.Config;

public sealed class AccessConfigValidatorTests
{
    private static AccessConfig Minimal() => new()
    {
        SourceFile = "built.yaml",
        Cluster = new ClusterConfig { Name = "c", Region = "us-east-1", AccountId = "111122223333" },
        Admins = [new AdminConfig("arn:aws:iam::111122223333:role/Admin")],
    };

    [Fact]
    public void Validate_MinimalConfigBuiltInCode_HasNoDiagnostics()
    {
        AccessConfigValidator.Validate(Minimal()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NoSourceMapOrLocations_ReportsAtTheFileStart()
    {
        var config = Minimal() with { Admins = [] };

        var diagnostics = AccessConfigValidator.Validate(config);

        diagnostics.Select(d => d.ToString()).ShouldBe([
            "built.yaml:1:1: the cluster would have no admin: admins is empty — add 'admins: [{principal: ROLE_ARN_OR_CONFIG_NAME}]' with the principal that keeps cluster-admin access",
        ]);
    }

    [Fact]
    public void Validate_RecordLocations_AreUsedWithoutASourceMap()
    {
        var config = Minimal() with
        {
            Teams = [new TeamConfig { Name = "devs", KubernetesGroup = "devs", Members = ["ghost"], Location = new("built.yaml", 7, 5) }],
        };

        var diagnostics = AccessConfigValidator.Validate(config);

        diagnostics.ShouldHaveSingleItem().Location.ShouldBe(new SourceLocation("built.yaml", 7, 5));
    }

    [Theory]
    [InlineData(AuthenticationMode.ConfigMap, AccessMethod.AwsAuth, 0)]
    [InlineData(AuthenticationMode.ConfigMap, AccessMethod.AccessEntries, 1)]
    [InlineData(AuthenticationMode.ConfigMap, AccessMethod.Both, 1)]
    [InlineData(AuthenticationMode.ApiAndConfigMap, AccessMethod.AwsAuth, 0)]
    [InlineData(AuthenticationMode.ApiAndConfigMap, AccessMethod.AccessEntries, 0)]
    [InlineData(AuthenticationMode.ApiAndConfigMap, AccessMethod.Both, 0)]
    [InlineData(AuthenticationMode.Api, AccessMethod.AwsAuth, 1)]
    [InlineData(AuthenticationMode.Api, AccessMethod.AccessEntries, 0)]
    [InlineData(AuthenticationMode.Api, AccessMethod.Both, 1)]
    public void Validate_ModeAndMethod_OnlyCompatiblePairsPass(AuthenticationMode mode, AccessMethod method, int problems)
    {
        var config = Minimal() with { Cluster = Minimal().Cluster with { AuthenticationMode = mode, AccessMethod = method } };

        AccessConfigValidator.Validate(config).Length.ShouldBe(problems);
    }

    [Theory]
    [InlineData("dev-apps", true)]
    [InlineData("a", true)]
    [InlineData("0abc", true)]
    [InlineData("Dev", false)]
    [InlineData("dev_apps", false)]
    [InlineData("-dev", false)]
    [InlineData("dev-", false)]
    [InlineData("dev.apps", false)]
    [InlineData("", false)]
    public void Validate_NamespaceName_MustBeADnsLabel(string name, bool valid)
    {
        var config = Minimal() with { Namespaces = [new NamespaceConfig { Name = name }] };

        AccessConfigValidator.Validate(config).IsEmpty.ShouldBe(valid);
    }

    [Fact]
    public void Validate_NamespaceNameOfSixtyFourCharacters_IsTooLong()
    {
        var config = Minimal() with { Namespaces = [new NamespaceConfig { Name = new string('a', 64) }] };

        AccessConfigValidator.Validate(config).ShouldHaveSingleItem().Message.ShouldContain("DNS-1123 label", Case.Sensitive);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/Admin", true)]
    [InlineData("arn:aws:iam::111122223333:role/teams/dev/Admin", true)]
    [InlineData("arn:aws:iam::111122223333:user/eks-admin", true)]
    [InlineData("arn:aws:iam::111122223333:root", false)]
    [InlineData("arn:aws:iam::111122223333:group/admins", false)]
    [InlineData("arn:aws:iam::11112222333:role/Admin", false)]
    [InlineData("arn:aws:iam:us-east-1:111122223333:role/Admin", false)]
    [InlineData("arn:aws-cn:iam::111122223333:role/Admin", false)]
    [InlineData("arn:aws:iam::444455556666:role/Admin", false)]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin/me", false)]
    [InlineData("arn:aws:s3:::bucket", false)]
    public void Validate_AdminArn_MustBeAWellFormedRoleOrUserOfTheClusterAccount(string arn, bool valid)
    {
        var config = Minimal() with { Admins = [new AdminConfig(arn)] };

        AccessConfigValidator.Validate(config).IsEmpty.ShouldBe(valid);
    }

    [Fact]
    public void Validate_AdminFromTrustedAccount_IsAccepted()
    {
        var config = Minimal() with
        {
            Cluster = Minimal().Cluster with { TrustedAccountIds = ["444455556666"] },
            Admins = [new AdminConfig("arn:aws:iam::444455556666:role/Admin")],
        };

        AccessConfigValidator.Validate(config).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("developer", true)]
    [InlineData("dev:{{SessionName}}", true)]
    [InlineData("system:admin", false)]
    [InlineData("eks:admin", false)]
    [InlineData("aws:admin", false)]
    [InlineData("amazon:admin", false)]
    [InlineData("iam:admin", false)]
    [InlineData("dev-{{SessionNameRaw}}", false)]
    public void Validate_AccessEntryUsername_FollowsEksRules(string username, bool valid)
    {
        var config = Minimal() with { Admins = [new AdminConfig("arn:aws:iam::111122223333:role/Admin") { Username = username }] };

        AccessConfigValidator.Validate(config).IsEmpty.ShouldBe(valid);
    }

    [Fact]
    public void Validate_ReservedUsernameWithAwsAuthOnly_IsAccepted()
    {
        var config = Minimal() with
        {
            Cluster = Minimal().Cluster with { AuthenticationMode = AuthenticationMode.ConfigMap, AccessMethod = AccessMethod.AwsAuth },
            Admins = [new AdminConfig("arn:aws:iam::111122223333:role/Admin") { Username = "system:admin" }],
        };

        AccessConfigValidator.Validate(config).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("4", true)]
    [InlineData("500m", true)]
    [InlineData("1.5", true)]
    [InlineData("8Gi", true)]
    [InlineData("1e3", true)]
    [InlineData("+.5k", true)]
    [InlineData("8GB", false)]
    [InlineData("four", false)]
    [InlineData("", false)]
    public void Validate_QuotaValue_MustBeAQuantity(string value, bool valid)
    {
        var quota = new ResourceQuotaConfig(null, System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("requests.cpu", value)]));
        var config = Minimal() with { Namespaces = [new NamespaceConfig { Name = "dev", Quota = quota }] };

        AccessConfigValidator.Validate(config).IsEmpty.ShouldBe(valid);
    }

    [Theory]
    [InlineData(3599, false)]
    [InlineData(3600, true)]
    [InlineData(43200, true)]
    [InlineData(43201, false)]
    public void Validate_MaxSessionDuration_IsOneToTwelveHours(int seconds, bool valid)
    {
        var role = new IamRoleConfig { Name = "r", MaxSessionDuration = seconds, Trust = new RoleTrustConfig { Accounts = ["111122223333"] } };
        var config = Minimal() with { Iam = new IamConfig { Roles = [role] } };

        AccessConfigValidator.Validate(config).IsEmpty.ShouldBe(valid);
    }

    [Fact]
    public void Validate_MemberNamingBothAUserAndARole_IsAmbiguous()
    {
        var config = Minimal() with
        {
            Iam = new IamConfig
            {
                Users = [new IamUserConfig { Name = "dev" }],
                Roles = [new IamRoleConfig { Name = "dev", Trust = new RoleTrustConfig { Accounts = ["111122223333"] } }],
            },
            Teams = [new TeamConfig { Name = "devs", KubernetesGroup = "devs", Members = ["dev"] }],
        };

        AccessConfigValidator.Validate(config).ShouldHaveSingleItem().Message.ShouldBe("team 'devs' member 'dev' names both an IAM user and an IAM role");
    }
}
