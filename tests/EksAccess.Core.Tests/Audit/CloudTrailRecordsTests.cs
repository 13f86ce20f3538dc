using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class CloudTrailRecordsTests
{
    private const string Associate = """
        {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEADMIN0001:jane@example.com",
         "arn":"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PlatformAdmin_0123456789abcdef/jane@example.com",
         "accountId":"111122223333","accessKeyId":"ASIAEXAMPLEKEY999999"},
         "eventTime":"2026-11-20T09:05:41Z","eventSource":"eks.amazonaws.com","eventName":"AssociateAccessPolicy",
         "requestParameters":{"name":"prod-eu","principalArn":"arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdev-team",
           "policyArn":"arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy","accessScope":{"type":"namespace","namespaces":["payments"]}},
         "eventID":"eab22523-174a-499c-9dd6-91e7be3ff8e3","recipientAccountId":"111122223333"}
        """;

    [Fact]
    public void ParseChange_AssociateAccessPolicy_DecodesPrincipalAndReadsScope()
    {
        var change = CloudTrailRecords.ParseChange(Associate, "prod-eu").ShouldNotBeNull();

        change.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:role/dev-team");
        change.ActorSessionName.ShouldBe("jane@example.com");
        change.AccessKeyId.ShouldBe("ASIAEXAMPLEKEY999999");
        change.AccessScope!.Namespaces.ShouldBe(["payments"]);
        change.Time.ShouldBe(new DateTimeOffset(2026, 11, 20, 9, 5, 41, TimeSpan.Zero));
        CloudTrailRecords.ParseChange(Associate, "other-cluster").ShouldBeNull();
    }

    [Fact]
    public void ParseChange_UpdateClusterConfig_ModeOrLoggingOnly()
    {
        const string Mode = """{"eventName":"UpdateClusterConfig","eventSource":"eks.amazonaws.com","eventID":"1","eventTime":"2026-11-20T09:00:00Z","requestParameters":{"clusterName":"c","accessConfig":{"authenticationMode":"API"}}}""";
        const string Logging = """{"eventName":"UpdateClusterConfig","eventSource":"eks.amazonaws.com","eventID":"2","eventTime":"2026-11-20T09:00:00Z","requestParameters":{"name":"c","logging":{"clusterLogging":[{"types":["audit","authenticator"],"enabled":true}]}}}""";
        const string Vpc = """{"eventName":"UpdateClusterConfig","eventSource":"eks.amazonaws.com","eventID":"3","eventTime":"2026-11-20T09:00:00Z","requestParameters":{"name":"c","resourcesVpcConfig":{}}}""";

        CloudTrailRecords.ParseChange(Mode, "c")!.AuthenticationMode.ShouldBe("API");
        CloudTrailRecords.ParseChange(Logging, "c")!.Logging.ShouldBe("enabled: audit, authenticator");
        CloudTrailRecords.ParseChange(Vpc, "c").ShouldBeNull();
    }

    [Fact]
    public void ParseChange_IamPutRolePolicy_NamesTheRole()
    {
        const string Put = """{"eventName":"PutRolePolicy","eventSource":"iam.amazonaws.com","eventID":"4","eventTime":"2026-11-20T09:00:00Z","userIdentity":{"arn":"arn:aws:iam::111122223333:user/ops","accountId":"111122223333"},"requestParameters":{"roleName":"EKSDeveloperRole","policyName":"x"},"recipientAccountId":"111122223333"}""";

        CloudTrailRecords.ParseChange(Put, "c")!.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:role/EKSDeveloperRole");
    }

    [Fact]
    public void ParseAssumeRole_TheIssuedKeyAndTheCaller()
    {
        const string Assume = """{"eventName":"AssumeRole","eventSource":"sts.amazonaws.com","eventTime":"2026-11-20T14:00:00Z","userIdentity":{"type":"AssumedRole","principalId":"AROASSO:bob@example.com","arn":"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_1/bob@example.com"},"requestParameters":{"roleArn":"arn:aws:iam::111122223333:role/EKSDeveloperRole","roleSessionName":"EKSGetTokenAuth"},"responseElements":{"credentials":{"accessKeyId":"ASIAEXAMPLETOKEN0001","expiration":"x","sessionToken":"y"}}}""";

        var issue = CloudTrailRecords.ParseAssumeRole(Assume).ShouldNotBeNull();

        issue.IssuedAccessKeyId.ShouldBe("ASIAEXAMPLETOKEN0001");
        issue.Person.ShouldBe("bob@example.com (arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_1/bob@example.com)");
        issue.RoleSessionName.ShouldBe("EKSGetTokenAuth");
    }

    [Fact]
    public void AwsAuthChange_PatchOfAwsAuth()
    {
        var events = AuditFixture.Read("eks-audit.log").Events;

        var change = events.Select(CloudTrailRecords.AwsAuthChange).OfType<AccessChange>().Single();

        change.EventName.ShouldBe("aws-auth:update");
        change.ActorArn.ShouldBe("arn:aws:iam::111122223333:role/PlatformAdmin");
        change.ActorSessionName.ShouldBe("jane@example.com");
    }
}
