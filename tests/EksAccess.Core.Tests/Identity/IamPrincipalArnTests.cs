using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Identity;

public sealed class IamPrincipalArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/dev-john", IamPrincipalKind.User, "aws", "dev-john", "/", null)]
    [InlineData("arn:aws:iam::111122223333:user/eng/platform/alice", IamPrincipalKind.User, "aws", "alice", "/eng/platform/", null)]
    [InlineData("arn:aws-cn:iam::111122223333:role/EKSDeveloperRole", IamPrincipalKind.Role, "aws-cn", "EKSDeveloperRole", "/", null)]
    [InlineData("arn:aws-us-gov:iam::111122223333:role/teams/dev/Deployer", IamPrincipalKind.Role, "aws-us-gov", "Deployer", "/teams/dev/", null)]
    [InlineData("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_abc", IamPrincipalKind.Role, "aws", "AWSReservedSSO_Dev_abc", "/aws-reserved/sso.amazonaws.com/eu-west-1/", null)]
    [InlineData("arn:aws-iso:sts::111122223333:assumed-role/Admin/jane@example.com", IamPrincipalKind.AssumedRole, "aws-iso", "Admin", "/", "jane@example.com")]
    [InlineData("arn:aws-iso-b:sts::111122223333:federated-user/bob", IamPrincipalKind.FederatedUser, "aws-iso-b", "bob", "/", null)]
    [InlineData("arn:aws-iso-e:iam::111122223333:root", IamPrincipalKind.Root, "aws-iso-e", "root", "/", null)]
    [InlineData("arn:aws-iso-f:iam::111122223333:user/u", IamPrincipalKind.User, "aws-iso-f", "u", "/", null)]
    [InlineData("arn:aws-eusc:sts::111122223333:assumed-role/Node/i-0123456789abcdef0", IamPrincipalKind.AssumedRole, "aws-eusc", "Node", "/", "i-0123456789abcdef0")]
    public void TryParse_EveryPartitionAndKind_SplitsTheArn(string text, IamPrincipalKind kind, string partition, string name, string path, string? session)
    {
        IamPrincipalArn.TryParse(text, out var arn, out var error).ShouldBeTrue(error);

        arn.Kind.ShouldBe(kind);
        arn.Partition.ShouldBe(partition);
        arn.AccountId.ShouldBe("111122223333");
        arn.Name.ShouldBe(name);
        arn.Path.ShouldBe(path);
        arn.SessionName.ShouldBe(session);
        arn.Value.ShouldBe(text);
    }

    [Theory]
    [InlineData("", "an ARN is required, got an empty string")]
    [InlineData("dev-john", "'dev-john' is not an ARN: it must start with 'arn:'")]
    [InlineData("arn:aws:iam:111122223333:role/Admin", "'arn:aws:iam:111122223333:role/Admin' is not an ARN: it needs six ':'-separated sections (arn:partition:service:region:account:resource)")]
    [InlineData("arn:aws-mars:iam::111122223333:role/Admin", "'arn:aws-mars:iam::111122223333:role/Admin' has partition 'aws-mars', which is not one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc")]
    [InlineData("arn:aws:iam:us-east-1:111122223333:role/Admin", "'arn:aws:iam:us-east-1:111122223333:role/Admin' has region 'us-east-1': IAM and STS principal ARNs have an empty region (arn:aws:iam::111122223333:…)")]
    [InlineData("arn:aws:iam::ACCOUNT_ID:role/Admin", "'arn:aws:iam::ACCOUNT_ID:role/Admin' has account 'ACCOUNT_ID': an AWS account id is 12 digits")]
    [InlineData("arn:aws:iam::111122223333:group/devs", "'arn:aws:iam::111122223333:group/devs' is an IAM 'group', not a principal that can authenticate (only user, role, root and STS sessions can)")]
    [InlineData("arn:aws:s3:::111122223333:bucket", "'arn:aws:s3:::111122223333:bucket' is an ARN of service 's3': only IAM users, roles, the root user and STS sessions can authenticate")]
    [InlineData("arn:aws:ec2::111122223333:instance/i-1", "'arn:aws:ec2::111122223333:instance/i-1' is an ARN of service 'ec2': only IAM users, roles, the root user and STS sessions can authenticate")]
    [InlineData("arn:aws:sts::111122223333:role/Admin", "'arn:aws:sts::111122223333:role/Admin' has STS resource 'role': only assumed-role and federated-user sessions can authenticate")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin", "'arn:aws:sts::111122223333:assumed-role/Admin' is an assumed-role ARN without a role: expected assumed-role/<role name>/<session name>")]
    [InlineData("arn:aws:iam::111122223333:role/", "'arn:aws:iam::111122223333:role/' has no role name: expected role/<name> or role/<path>/<name>")]
    [InlineData("arn:aws:iam::111122223333:role/my role", "'arn:aws:iam::111122223333:role/my role' has role name 'my role': IAM names use letters, digits and +=,.@_-")]
    public void TryParse_NotAPrincipal_FailsWithReason(string text, string expected)
    {
        IamPrincipalArn.TryParse(text, out var arn, out var error).ShouldBeFalse();

        arn.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData("arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/EKSGetTokenAuth", "arn:aws:iam::111122223333:role/EKSDeveloperRole")]
    [InlineData("arn:aws-cn:sts::111122223333:assumed-role/AWSReservedSSO_Dev_abc/jane@example.com", "arn:aws-cn:iam::111122223333:role/AWSReservedSSO_Dev_abc")]
    [InlineData("arn:aws:iam::111122223333:user/eng/alice", "arn:aws:iam::111122223333:user/eng/alice")]
    [InlineData("arn:aws:iam::111122223333:role/teams/Deployer", "arn:aws:iam::111122223333:role/teams/Deployer")]
    [InlineData("arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:sts::111122223333:federated-user/bob", "arn:aws:sts::111122223333:federated-user/bob")]
    public void Canonicalize_AsTheAuthenticator_TurnsSessionsIntoRoles(string text, string expected)
    {
        IamPrincipalArn.Parse(text).Canonicalize().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_abc", "arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc")]
    [InlineData("arn:aws-us-gov:iam::111122223333:role/Deployer", "arn:aws-us-gov:iam::111122223333:role/Deployer")]
    [InlineData("arn:aws:iam::111122223333:user/eng/alice", "arn:aws:iam::111122223333:user/eng/alice")]
    public void WithoutPath_RemovesOnlyRolePaths(string text, string expected)
    {
        IamPrincipalArn.Parse(text).WithoutPath().Value.ShouldBe(expected);
    }

    [Fact]
    public void ToAssumedRoleSession_PathedRole_DropsThePathAsStsDoes()
    {
        var session = IamPrincipalArn.Parse("arn:aws:iam::111122223333:role/teams/dev/Deployer").ToAssumedRoleSession("EKSGetTokenAuth");

        session.Value.ShouldBe("arn:aws:sts::111122223333:assumed-role/Deployer/EKSGetTokenAuth");
        session.SessionName.ShouldBe("EKSGetTokenAuth");
    }

    [Fact]
    public void IsServiceLinkedRole_AwsServiceRolePath_IsTrue()
    {
        IamPrincipalArn.Parse("arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS").IsServiceLinkedRole.ShouldBeTrue();
        IamPrincipalArn.Parse("arn:aws:iam::111122223333:role/EKSNodeRole").IsServiceLinkedRole.ShouldBeFalse();
    }
}
