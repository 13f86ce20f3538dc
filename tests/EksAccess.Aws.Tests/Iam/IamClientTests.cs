using System.Net;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Iam.Model;

namespace EksAccess.Aws.Tests.Iam;

/// <summary>Every IAM operation against moto (through the fake's pass-through).</summary>
[Collection(AwsSequential.Name)]
public sealed class IamClientTests(AwsTestServers servers)
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
    private const string InlinePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["eks:DescribeCluster","eks:ListClusters"],"Resource":"*","Condition":{"StringLike":{"aws:username":"a+b %"}}}]}""";

    private readonly IIamClient _iam = servers.Clients().Iam;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_CreateGetTagListDelete_RoundTrip()
    {
        await servers.ResetForClassAsync(GetType());

        var created = await _iam.CreateUserAsync(new CreateUserRequest { UserName = "u-alice", Path = "/eks-dev/", Tags = [new Tag { Key = "team", Value = "dev" }] }, Token);
        await _iam.CreateUserAsync(new CreateUserRequest { UserName = "u-bob" }, Token);
        var fetched = await _iam.GetUserAsync(new GetUserRequest { UserName = "u-alice" }, Token);
        await _iam.TagUserAsync(new TagUserRequest { UserName = "u-alice", Tags = [new Tag { Key = "owner", Value = "platform" }] }, Token);
        var tags = await _iam.ListUserTagsAllAsync(new ListUserTagsRequest { UserName = "u-alice" }, Token).ToListAsync(Token);
        var users = await _iam.ListUsersAllAsync(new ListUsersRequest { MaxItems = 1 }, Token).ToListAsync(Token);
        await _iam.DeleteUserAsync(new DeleteUserRequest { UserName = "u-bob" }, Token);
        var missing = await Should.ThrowAsync<AwsServiceException>(() => _iam.GetUserAsync(new GetUserRequest { UserName = "u-bob" }, Token));

        created.User!.Arn.ShouldBe("arn:aws:iam::123456789012:user/eks-dev/u-alice");
        fetched.User!.Path.ShouldBe("/eks-dev/");
        fetched.User.UserId.ShouldNotBeNullOrEmpty();
        fetched.User.CreateDate.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        tags.Select(t => $"{t.Key}={t.Value}").ShouldBe(["team=dev", "owner=platform"], ignoreOrder: true);
        // Other tests of this class share the moto state (reset per class), so only this test's users are pinned down.
        var names = users.Select(u => u.UserName).ToList();
        names.ShouldContain("u-alice");
        names.ShouldContain("u-bob");
        names.ShouldBeUnique();
        missing.ErrorCode.ShouldBe("NoSuchEntity");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Message.ShouldStartWith("GetUser failed: NoSuchEntity (HTTP 404)");
    }

    [Fact]
    public async Task CreateUser_Duplicate_ThrowsEntityAlreadyExists()
    {
        await servers.ResetForClassAsync(GetType());
        await _iam.CreateUserAsync(new CreateUserRequest { UserName = "u-dup" }, Token);

        var exception = await Should.ThrowAsync<AwsServiceException>(() => _iam.CreateUserAsync(new CreateUserRequest { UserName = "u-dup" }, Token));

        exception.ErrorCode.ShouldBe("EntityAlreadyExists");
        exception.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        exception.Operation.ShouldBe("CreateUser");
    }

    [Fact]
    public async Task Roles_CreateUpdateTagListDelete_DecodesTrustPolicy()
    {
        await servers.ResetForClassAsync(GetType());

        var created = await _iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "r-dev", Path = "/teams/", AssumeRolePolicyDocument = TrustPolicy, Description = "dev" }, Token);
        var newTrust = TrustPolicy.Replace("root", "user/u-alice", StringComparison.Ordinal);
        await _iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = "r-dev", PolicyDocument = newTrust }, Token);
        await _iam.UpdateRoleAsync(new UpdateRoleRequest { RoleName = "r-dev", Description = "dev team", MaxSessionDuration = 7200 }, Token);
        await _iam.TagRoleAsync(new TagRoleRequest { RoleName = "r-dev", Tags = [new Tag { Key = "eksaccess", Value = "managed" }] }, Token);
        var fetched = await _iam.GetRoleAsync(new GetRoleRequest { RoleName = "r-dev" }, Token);
        var tags = await _iam.ListRoleTagsAsync(new ListRoleTagsRequest { RoleName = "r-dev" }, Token);
        var roles = await _iam.ListRolesAllAsync(new ListRolesRequest { PathPrefix = "/teams/" }, Token).ToListAsync(Token);
        await _iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "r-dev" }, Token);
        var missing = await Should.ThrowAsync<AwsServiceException>(() => _iam.GetRoleAsync(new GetRoleRequest { RoleName = "r-dev" }, Token));

        created.Role!.Arn.ShouldBe("arn:aws:iam::123456789012:role/teams/r-dev");
        created.Role.RoleId.ShouldStartWith("AROA");
        fetched.Role!.AssumeRolePolicyDocument.ShouldBe(newTrust);
        fetched.Role.MaxSessionDuration.ShouldBe(7200);
        fetched.Role.Description.ShouldBe("dev team");
        tags.Tags!.Single().Value.ShouldBe("managed");
        roles.Select(r => r.RoleName).ShouldBe(["r-dev"]);
        roles.Single().AssumeRolePolicyDocument.ShouldBe(newTrust);
        missing.ErrorCode.ShouldBe("NoSuchEntity");
    }

    [Fact]
    public async Task Groups_MembershipRoundTrip()
    {
        await servers.ResetForClassAsync(GetType());
        await _iam.CreateUserAsync(new CreateUserRequest { UserName = "g-carol" }, Token);

        var created = await _iam.CreateGroupAsync(new CreateGroupRequest { GroupName = "g-devs", Path = "/eks/" }, Token);
        await _iam.AddUserToGroupAsync(new AddUserToGroupRequest { GroupName = "g-devs", UserName = "g-carol" }, Token);
        var group = await _iam.GetGroupAsync(new GetGroupRequest { GroupName = "g-devs" }, Token);
        var groups = await _iam.ListGroupsForUserAllAsync(new ListGroupsForUserRequest { UserName = "g-carol" }, Token).ToListAsync(Token);
        await _iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest { GroupName = "g-devs", UserName = "g-carol" }, Token);
        var afterRemove = await _iam.GetGroupAllAsync(new GetGroupRequest { GroupName = "g-devs" }, Token).ToListAsync(Token);
        await _iam.DeleteGroupAsync(new DeleteGroupRequest { GroupName = "g-devs" }, Token);
        var missing = await Should.ThrowAsync<AwsServiceException>(() => _iam.GetGroupAsync(new GetGroupRequest { GroupName = "g-devs" }, Token));

        created.Group!.Arn.ShouldBe("arn:aws:iam::123456789012:group/eks/g-devs");
        group.Group!.GroupName.ShouldBe("g-devs");
        group.Users!.Select(u => u.UserName).ShouldBe(["g-carol"]);
        groups.Select(g => g.GroupName).ShouldBe(["g-devs"]);
        afterRemove.ShouldBeEmpty();
        missing.ErrorCode.ShouldBe("NoSuchEntity");
    }

    [Theory]
    [InlineData("user")]
    [InlineData("role")]
    [InlineData("group")]
    public async Task InlinePolicies_PutGetListDelete_DecodesDocument(string kind)
    {
        await servers.ResetForClassAsync(GetType());
        var name = $"inline-{kind}";
        await CreatePrincipalAsync(kind, name);

        await PutAsync(kind, name, "EKSAccess", InlinePolicy);
        await PutAsync(kind, name, "Second", InlinePolicy);
        var document = await GetAsync(kind, name, "EKSAccess");
        var names = await ListAsync(kind, name);
        await DeleteAsync(kind, name, "Second");
        var afterDelete = await ListAsync(kind, name);
        var missing = await Should.ThrowAsync<AwsServiceException>(() => GetAsync(kind, name, "Second"));

        document.ShouldBe(InlinePolicy);
        names.ShouldBe(["EKSAccess", "Second"], ignoreOrder: true);
        afterDelete.ShouldBe(["EKSAccess"]);
        missing.ErrorCode.ShouldBe("NoSuchEntity");
    }

    [Fact]
    public async Task AccessKeys_CreateListDeactivateDelete()
    {
        await servers.ResetForClassAsync(GetType());
        await _iam.CreateUserAsync(new CreateUserRequest { UserName = "k-dave" }, Token);

        var created = await _iam.CreateAccessKeyAsync(new CreateAccessKeyRequest { UserName = "k-dave" }, Token);
        var keyId = created.AccessKey!.AccessKeyId!;
        await _iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest { UserName = "k-dave", AccessKeyId = keyId, Status = StatusType.Inactive }, Token);
        var listed = await _iam.ListAccessKeysAllAsync(new ListAccessKeysRequest { UserName = "k-dave" }, Token).ToListAsync(Token);
        await _iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest { UserName = "k-dave", AccessKeyId = keyId }, Token);
        var afterDelete = await _iam.ListAccessKeysAsync(new ListAccessKeysRequest { UserName = "k-dave" }, Token);

        keyId.ShouldStartWith("AKIA");
        created.AccessKey.SecretAccessKey.ShouldNotBeNullOrEmpty();
        created.AccessKey.Status.ShouldBe(StatusType.Active);
        created.AccessKey.ToString().ShouldNotContain(created.AccessKey.SecretAccessKey);
        listed.Single().Status.ShouldBe(StatusType.Inactive);
        listed.Single().AccessKeyId.ShouldBe(keyId);
        afterDelete.AccessKeyMetadata.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListUsersAllAsync_TruncatedPages_FollowsMarker()
    {
        // moto ignores MaxItems, so the pages come from the fake, shaped as real IAM sends them.
        await servers.ResetForClassAsync(GetType());
        servers.Fake.AddFault(r => IsListUsers(r) && !r.Body.Contains("Marker=", StringComparison.Ordinal), 1, Page("page-1", truncated: true, "m%2F1"));
        servers.Fake.AddFault(r => IsListUsers(r) && r.Body.Contains("Marker=m%2F1", StringComparison.Ordinal), 1, Page("page-2", truncated: false, marker: null));

        var users = await _iam.ListUsersAllAsync(new ListUsersRequest { MaxItems = 1 }, Token).ToListAsync(Token);

        users.Select(u => u.UserName).ShouldBe(["page-1", "page-2"]);
    }

    [Fact]
    public async Task GetRole_EncodedTrustPolicy_IsDecoded()
    {
        // Real IAM URL-encodes policy documents in responses.
        await servers.ResetForClassAsync(GetType());
        var encoded = Uri.EscapeDataString(InlinePolicy);
        var xml = $"""<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>/</Path><RoleName>enc</RoleName><RoleId>AROAENC</RoleId><Arn>arn:aws:iam::123456789012:role/enc</Arn><CreateDate>2024-05-01T10:00:00Z</CreateDate><AssumeRolePolicyDocument>{encoded}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration><RoleLastUsed><LastUsedDate>2024-06-01T00:00:00Z</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed></Role></GetRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetRoleResponse>""";
        servers.Fake.AddFault(r => string.Equals(r.Service, "iam", StringComparison.Ordinal) && r.Body.Contains("Action=GetRole&", StringComparison.Ordinal), 1, new FakeResponse(200, xml, ContentType: "text/xml"));

        var role = await _iam.GetRoleAsync(new GetRoleRequest { RoleName = "enc" }, Token);

        role.Role!.AssumeRolePolicyDocument.ShouldBe(InlinePolicy);
        role.Role.CreateDate.ShouldBe(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc));
        role.Role.RoleLastUsed!.Region.ShouldBe("eu-west-1");
    }

    [Fact]
    public async Task GetUser_AnswerForAnotherAction_ThrowsInvalidResponse()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.AddFault(r => string.Equals(r.Service, "iam", StringComparison.Ordinal) && r.Body.Contains("Action=GetUser&", StringComparison.Ordinal), 1, new FakeResponse(200, "<GetRoleResponse/>", ContentType: "text/xml"));

        var exception = await Should.ThrowAsync<AwsServiceException>(() => _iam.GetUserAsync(new GetUserRequest { UserName = "x" }, Token));

        exception.ErrorCode.ShouldBe("InvalidResponse");
    }

    private static bool IsListUsers(RecordedRequest request) =>
        string.Equals(request.Service, "iam", StringComparison.Ordinal) && request.Body.Contains("Action=ListUsers&", StringComparison.Ordinal);

    private static FakeResponse Page(string user, bool truncated, string? marker)
    {
        var markerXml = marker is null ? "" : $"<Marker>{Uri.UnescapeDataString(marker)}</Marker>";
        var xml = $"""<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users><member><Path>/</Path><UserName>{user}</UserName><UserId>AIDA{user}</UserId><Arn>arn:aws:iam::123456789012:user/{user}</Arn><CreateDate>2024-05-01T10:00:00Z</CreateDate></member></Users><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{markerXml}</ListUsersResult></ListUsersResponse>""";
        return new FakeResponse(200, xml, ContentType: "text/xml");
    }

    private Task CreatePrincipalAsync(string kind, string name) => kind switch
    {
        "user" => _iam.CreateUserAsync(new CreateUserRequest { UserName = name }, Token),
        "role" => _iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = TrustPolicy }, Token),
        _ => _iam.CreateGroupAsync(new CreateGroupRequest { GroupName = name }, Token),
    };

    private Task PutAsync(string kind, string name, string policy, string document) => kind switch
    {
        "user" => _iam.PutUserPolicyAsync(new PutUserPolicyRequest { UserName = name, PolicyName = policy, PolicyDocument = document }, Token),
        "role" => _iam.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = name, PolicyName = policy, PolicyDocument = document }, Token),
        _ => _iam.PutGroupPolicyAsync(new PutGroupPolicyRequest { GroupName = name, PolicyName = policy, PolicyDocument = document }, Token),
    };

    private async Task<string?> GetAsync(string kind, string name, string policy) => kind switch
    {
        "user" => (await _iam.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = name, PolicyName = policy }, Token)).PolicyDocument,
        "role" => (await _iam.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = name, PolicyName = policy }, Token)).PolicyDocument,
        _ => (await _iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = name, PolicyName = policy }, Token)).PolicyDocument,
    };

    private async Task<List<string>> ListAsync(string kind, string name) => kind switch
    {
        "user" => await _iam.ListUserPoliciesAllAsync(new ListUserPoliciesRequest { UserName = name, MaxItems = 1 }, Token).ToListAsync(Token),
        "role" => await _iam.ListRolePoliciesAllAsync(new ListRolePoliciesRequest { RoleName = name, MaxItems = 1 }, Token).ToListAsync(Token),
        _ => await _iam.ListGroupPoliciesAllAsync(new ListGroupPoliciesRequest { GroupName = name, MaxItems = 1 }, Token).ToListAsync(Token),
    };

    private Task DeleteAsync(string kind, string name, string policy) => kind switch
    {
        "user" => _iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest { UserName = name, PolicyName = policy }, Token),
        "role" => _iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest { RoleName = name, PolicyName = policy }, Token),
        _ => _iam.DeleteGroupPolicyAsync(new DeleteGroupPolicyRequest { GroupName = name, PolicyName = policy }, Token),
    };
}
