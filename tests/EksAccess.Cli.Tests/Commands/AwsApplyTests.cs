using EksAccess.Aws;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Iam.Model;
using EksAccess.Core.Desired;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>plan → apply → plan against moto (IAM, STS, clusters) and the access-entry fake, checked with the project's own clients.</summary>
[Collection(AwsSequential.Name)]
public sealed class AwsApplyTests(AwsTestServers servers)
{
    private const string Account = "123456789012";

    [Fact]
    public async Task Apply_Seed001_CreatesRoleTrustGroupPolicyAndMembersThenPlansNoChanges()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);
        var file = Input("seed001.access.yaml");

        var plan = await RunAsync(servers, "plan", "-f", file, "--target", "aws", "--endpoint-url", servers.Fake.Url.ToString());
        var apply = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");
        var again = await RunAsync(servers, "plan", "-f", file, "--target", "aws");

        plan.ExitCode.ShouldBe(ExitCodes.Changes, plan.Stderr);
        plan.Stdout.ShouldContain("+ create aws iam-role k8s-devs-role  (iam:CreateRole)");
        plan.Stdout.ShouldContain("Plan: 9 to create, 0 to update, 0 to delete.");
        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        apply.Stdout.ShouldContain("Apply complete: 9 changes applied.");
        apply.Stderr.ShouldContain("[9/9] ");
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("No changes.");

        var iam = Clients(servers).Iam;
        var role = (await iam.GetRoleAsync(new GetRoleRequest { RoleName = "k8s-devs-role" }, Token)).Role.ShouldNotBeNull();
        IamPolicyDocuments.AreEquivalent(role.AssumeRolePolicyDocument, $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}""").ShouldBeTrue(role.AssumeRolePolicyDocument);
        role.MaxSessionDuration.ShouldBe(3600);
        var assume = await iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = "k8s-devs", PolicyName = "AssumeEksRoles" }, Token);
        assume.PolicyDocument.ShouldNotBeNull().ShouldContain($"arn:aws:iam::{Account}:role/k8s-devs-role");
        var members = await iam.GetGroupAllAsync(new GetGroupRequest { GroupName = "k8s-devs" }, Token).ToListAsync(Token);
        members.Select(u => u.UserName).Order(StringComparer.Ordinal).ShouldBe(["dev-alice", "dev-bob"]);
        var tags = await iam.ListUserTagsAllAsync(new ListUserTagsRequest { UserName = "dev-alice" }, Token).ToListAsync(Token);
        tags.ShouldContain(t => t.Key == "managed-by" && t.Value == "eksaccess");
    }

    [Fact]
    public async Task Apply_Seed000_CreatesAccessEntriesAndPoliciesThenPlansNoChanges()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        var file = Input("seed000.access.yaml");

        var plan = await RunAsync(servers, "plan", "-f", file, "--target", "aws");
        var apply = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");
        var again = await RunAsync(servers, "plan", "-f", file, "--target", "aws", "-o", "json");

        plan.ExitCode.ShouldBe(ExitCodes.Changes, plan.Stderr);
        Golden.Verify(plan.Stdout.Replace(TestFiles.RepositoryRoot, "<repo>", StringComparison.Ordinal), "Plan", "Seed000.aws");
        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("\"changes\": []");
        var eks = Clients(servers).Eks;
        var john = (await eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = "my-cluster", PrincipalArn = $"arn:aws:iam::{Account}:user/dev-john" }, Token)).AccessEntry.ShouldNotBeNull();
        (john.Username, john.Type).ShouldBe(("dev-john", "STANDARD"));
        john.KubernetesGroups.ShouldBe(["dev-team"]);
        john.Tags.ShouldNotBeNull()["managed-by"].ShouldBe("eksaccess");
        var policies = await eks.ListAssociatedAccessPoliciesAllAsync(new ListAssociatedAccessPoliciesRequest { ClusterName = "my-cluster", PrincipalArn = $"arn:aws:iam::{Account}:user/dev-john" }, Token).ToListAsync(Token);
        var edit = policies.ShouldHaveSingleItem();
        edit.PolicyArn.ShouldBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy");
        edit.AccessScope!.Type.ShouldBe("namespace");
        edit.AccessScope.Namespaces.ShouldBe(["dev-apps"]);
        var admin = await eks.ListAssociatedAccessPoliciesAllAsync(new ListAssociatedAccessPoliciesRequest { ClusterName = "my-cluster", PrincipalArn = $"arn:aws:iam::{Account}:role/PlatformAdmin" }, Token).ToListAsync(Token);
        admin.ShouldHaveSingleItem().AccessScope!.Type.ShouldBe("cluster");
        var node = (await eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = "my-cluster", PrincipalArn = $"arn:aws:iam::{Account}:role/EKSNodeRole" }, Token)).AccessEntry!;
        node.Type.ShouldBe("EC2_LINUX");
    }

    [Fact]
    public async Task Apply_LoggingWanted_EnablesTheWalkThroughsLogTypesThenPlansNoChanges()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        var file = Input("seed000-logging.access.yaml");

        var apply = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");
        var again = await RunAsync(servers, "plan", "-f", file, "--target", "aws");

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        apply.Stderr.ShouldContain("update control-plane-logging my-cluster (eks:UpdateClusterConfig): done");
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Stdout + again.Stderr);
        var cluster = (await Clients(servers).Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "my-cluster" }, Token)).Cluster!;
        var enabled = cluster.Logging!.ClusterLogging!.Where(l => l.Enabled == true).SelectMany(l => l.Types!).Order(StringComparer.Ordinal);
        enabled.ShouldBe(["api", "audit", "authenticator"]);
    }

    [Fact]
    public async Task Apply_ConfigMapClusterWantingApiAndConfigMap_ChangesModeFirst()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ConfigMap);

        var apply = await RunAsync(servers, "apply", "-f", Input("seed000.access.yaml"), "--target", "aws", "--auto-approve");

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        apply.Stderr.ShouldContain("update authentication-mode my-cluster (eks:UpdateClusterConfig): done");
        var cluster = (await Clients(servers).Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "my-cluster" }, Token)).Cluster!;
        cluster.AccessConfig!.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        (await RunAsync(servers, "plan", "-f", Input("seed000.access.yaml"), "--target", "aws")).ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public async Task Apply_ThrottledCalls_AreRetriedAndConverge()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        servers.Fake.AddFault(r => r.Service == "eks" && r.Method == "POST" && r.RawPath.EndsWith("/access-entries", StringComparison.Ordinal), 3, FakeResponse.Error(429, "ThrottlingException", "Rate exceeded"));
        servers.Fake.AddFault(r => r.Service == "iam" && r.Body.Contains("Action=CreateUser&", StringComparison.Ordinal), 2, IamThrottling());

        var apply = await RunAsync(servers, "apply", "-f", Input("seed000.access.yaml"), "--target", "aws", "--auto-approve");

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        servers.Fake.Requests.Count(r => r.Service == "eks" && r.Method == "POST" && r.RawPath.EndsWith("/access-entries", StringComparison.Ordinal)).ShouldBe(4 + 3);
        (await RunAsync(servers, "plan", "-f", Input("seed000.access.yaml"), "--target", "aws")).ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public async Task Apply_FailingPartWay_IsARemoteFailureThenARerunConvergesWithNothingLost()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        var failing = true;
        servers.Fake.AddFault(
            r => Volatile.Read(ref failing) && r.Service == "eks" && r.Method == "POST" && r.RawPath.EndsWith("/access-policies", StringComparison.Ordinal),
            1000,
            FakeResponse.Error(503, "ServiceUnavailableException", "the service is unavailable"));
        var file = Input("seed000.access.yaml");

        var failed = await RunAsync(servers, stdin: null, maxAttempts: 2, "apply", "-f", file, "--target", "aws", "--auto-approve");
        Volatile.Write(ref failing, false);
        var between = await RunAsync(servers, "plan", "-f", file, "--target", "aws");
        var rerun = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");
        var final = await RunAsync(servers, "plan", "-f", file, "--target", "aws");

        failed.ExitCode.ShouldBe(ExitCodes.RemoteFailure, failed.Stderr);
        var error = failed.Stderr.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        error.ShouldContain("AssociateAccessPolicy failed: ServiceUnavailableException");
        error.ShouldContain("8 of 11 changes applied");
        failed.Stdout.ShouldContain("Apply failed");
        between.ExitCode.ShouldBe(ExitCodes.Changes);
        between.Stdout.ShouldContain("Plan: 3 to create, 0 to update, 0 to delete.");
        rerun.ExitCode.ShouldBe(ExitCodes.Success, rerun.Stderr);
        final.ExitCode.ShouldBe(ExitCodes.Success);
        var entries = await Clients(servers).Eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = "my-cluster" }, Token).ToListAsync(Token);
        entries.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Apply_SecondTime_DoesNothing()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);
        var file = Input("seed001.access.yaml");
        (await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var before = servers.Fake.Requests.Count(r => r.Service == "iam" && !IsRead(r.Body));

        var second = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");

        second.ExitCode.ShouldBe(ExitCodes.Success, second.Stderr);
        second.Stdout.ShouldContain("No changes.");
        servers.Fake.Requests.Count(r => r.Service == "iam" && !IsRead(r.Body)).ShouldBe(before);
    }

    [Fact]
    public async Task Apply_UserRemovedFromConfig_RemovesMembershipAndDeletesTheManagedUser()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);
        var file = Input("seed001.access.yaml");
        (await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var iam = Clients(servers).Iam;
        await iam.CreateUserAsync(new CreateUserRequest { UserName = "hand-made" }, Token);
        var smaller = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-").FullName, "access.yaml");
        await File.WriteAllTextAsync(smaller, (await File.ReadAllTextAsync(file, Token)).Replace("    - name: dev-bob\n", "", StringComparison.Ordinal).Replace("[dev-alice, dev-bob]", "[dev-alice]", StringComparison.Ordinal), Token);

        var plan = await RunAsync(servers, "plan", "-f", smaller, "--target", "aws");
        var apply = await RunAsync(servers, "apply", "-f", smaller, "--target", "aws", "--auto-approve");

        plan.ExitCode.ShouldBe(ExitCodes.Changes, plan.Stderr);
        plan.Stdout.ShouldContain("- delete aws iam-group-membership k8s-devs/dev-bob  (iam:RemoveUserFromGroup)");
        plan.Stdout.ShouldContain("- delete aws iam-user dev-bob  (iam:DeleteUser)");
        plan.Stdout.ShouldNotContain("hand-made");
        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        var gone = await Should.ThrowAsync<AwsServiceException>(() => iam.GetUserAsync(new GetUserRequest { UserName = "dev-bob" }, Token));
        gone.ErrorCode.ShouldBe("NoSuchEntity");
        (await iam.GetUserAsync(new GetUserRequest { UserName = "hand-made" }, Token)).User.ShouldNotBeNull();
    }

    [Fact]
    public async Task Plan_ReferencedPrincipalsMissing_RefusedListingAllAndNothingApplied()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        var iam = Clients(servers).Iam;
        await iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "EKSNodeRole" }, Token);
        await iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "PlatformAdmin" }, Token);
        var file = Input("seed000.access.yaml");

        var plan = await RunAsync(servers, "plan", "-f", file, "--target", "aws");
        var apply = await RunAsync(servers, "apply", "-f", file, "--target", "aws", "--auto-approve");

        plan.ExitCode.ShouldBe(ExitCodes.InvalidInput, plan.Stdout + plan.Stderr);
        plan.Stderr.ShouldStartWith("error: plan refused, nothing changed: 2 IAM principals the config references do not exist: ");
        plan.Stderr.ShouldContain($"arn:aws:iam::{Account}:role/EKSNodeRole (");
        plan.Stderr.ShouldContain($"arn:aws:iam::{Account}:role/PlatformAdmin (");
        plan.Stderr.Trim().Split('\n').ShouldHaveSingleItem();
        apply.ExitCode.ShouldBe(ExitCodes.InvalidInput, apply.Stdout + apply.Stderr);
        var users = await iam.ListUsersAllAsync(new ListUsersRequest(), Token).ToListAsync(Token);
        users.ShouldNotContain(u => u.UserName == "dev-john");
    }

    [Fact]
    public async Task Plan_UserOwnedByAnotherClustersConfig_Refused()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        var iam = Clients(servers).Iam;
        await iam.CreateUserAsync(new CreateUserRequest
        {
            UserName = "dev-john",
            Tags = [new Tag { Key = "managed-by", Value = "eksaccess" }, new Tag { Key = "eksaccess.io/cluster", Value = $"arn:aws:eks:us-east-1:{Account}:cluster/other" }],
        }, Token);

        var plan = await RunAsync(servers, "plan", "-f", Input("seed000.access.yaml"), "--target", "aws");

        plan.ExitCode.ShouldBe(ExitCodes.InvalidInput, plan.Stdout + plan.Stderr);
        plan.Stderr.ShouldContain($"IAM user dev-john belongs to another cluster's config (eksaccess.io/cluster=arn:aws:eks:us-east-1:{Account}:cluster/other)");
    }

    private static bool IsRead(string body) =>
        body.StartsWith("Action=Get", StringComparison.Ordinal) || body.StartsWith("Action=List", StringComparison.Ordinal);

    private static FakeResponse IamThrottling() => new(
        400,
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
        ContentType: "text/xml");

    private async Task ResetAsync(string cluster, string mode)
    {
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, cluster, mode);
    }
}
