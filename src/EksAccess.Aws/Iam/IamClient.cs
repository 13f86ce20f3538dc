using System.Xml.Linq;
using EksAccess.Aws.Http;
using EksAccess.Aws.Iam.Model;

namespace EksAccess.Aws.Iam;

/// <summary>
/// <see cref="IIamClient"/> over the AWS Query protocol (version 2010-05-08): a signed form POST to IAM's global
/// endpoint; XML answers, URL-encoded policy documents decoded, <c>&lt;ErrorResponse&gt;</c> codes surfaced.
/// </summary>
internal sealed class IamClient : IIamClient
{
    public const string ApiVersion = "2010-05-08";

    private readonly AwsTransport _transport;

    public IamClient(AwsTransport transport)
    {
        _transport = transport;
    }

    public async Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new QueryForm("GetUser", ApiVersion)
            .Add("UserName", request.UserName);
        var x = await CallAsync("GetUser", form, cancellationToken);
        return Parse("GetUser", () => new GetUserResponse { User = One(x, "User", IamXml.User) });
    }

    public async Task<CreateUserResponse> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "CreateUser", "UserName");
        var form = new QueryForm("CreateUser", ApiVersion)
            .Add("Path", request.Path)
            .Add("UserName", request.UserName)
            .Add("PermissionsBoundary", request.PermissionsBoundary)
            .AddTags("Tags", request.Tags);
        var x = await CallAsync("CreateUser", form, cancellationToken);
        return Parse("CreateUser", () => new CreateUserResponse { User = One(x, "User", IamXml.User) });
    }

    public async Task<DeleteUserResponse> DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "DeleteUser", "UserName");
        var form = new QueryForm("DeleteUser", ApiVersion)
            .Add("UserName", request.UserName);
        await CallAsync("DeleteUser", form, cancellationToken);
        return new DeleteUserResponse();
    }

    public async Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new QueryForm("ListUsers", ApiVersion)
            .Add("PathPrefix", request.PathPrefix)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListUsers", form, cancellationToken);
        return Parse("ListUsers", () => new ListUsersResponse { Users = IamXml.List(x, "Users", IamXml.User) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "GetRole", "RoleName");
        var form = new QueryForm("GetRole", ApiVersion)
            .Add("RoleName", request.RoleName);
        var x = await CallAsync("GetRole", form, cancellationToken);
        return Parse("GetRole", () => new GetRoleResponse { Role = One(x, "Role", IamXml.Role) });
    }

    public async Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "CreateRole", "RoleName");
        Required.Member(request.AssumeRolePolicyDocument, "CreateRole", "AssumeRolePolicyDocument");
        var form = new QueryForm("CreateRole", ApiVersion)
            .Add("Path", request.Path)
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Description", request.Description)
            .Add("MaxSessionDuration", request.MaxSessionDuration)
            .Add("PermissionsBoundary", request.PermissionsBoundary)
            .AddTags("Tags", request.Tags);
        var x = await CallAsync("CreateRole", form, cancellationToken);
        return Parse("CreateRole", () => new CreateRoleResponse { Role = One(x, "Role", IamXml.Role) });
    }

    public async Task<DeleteRoleResponse> DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "DeleteRole", "RoleName");
        var form = new QueryForm("DeleteRole", ApiVersion)
            .Add("RoleName", request.RoleName);
        await CallAsync("DeleteRole", form, cancellationToken);
        return new DeleteRoleResponse();
    }

    public async Task<UpdateAssumeRolePolicyResponse> UpdateAssumeRolePolicyAsync(UpdateAssumeRolePolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "UpdateAssumeRolePolicy", "RoleName");
        Required.Member(request.PolicyDocument, "UpdateAssumeRolePolicy", "PolicyDocument");
        var form = new QueryForm("UpdateAssumeRolePolicy", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("PolicyDocument", request.PolicyDocument);
        await CallAsync("UpdateAssumeRolePolicy", form, cancellationToken);
        return new UpdateAssumeRolePolicyResponse();
    }

    public async Task<UpdateRoleResponse> UpdateRoleAsync(UpdateRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "UpdateRole", "RoleName");
        var form = new QueryForm("UpdateRole", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("Description", request.Description)
            .Add("MaxSessionDuration", request.MaxSessionDuration);
        await CallAsync("UpdateRole", form, cancellationToken);
        return new UpdateRoleResponse();
    }

    public async Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new QueryForm("ListRoles", ApiVersion)
            .Add("PathPrefix", request.PathPrefix)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListRoles", form, cancellationToken);
        return Parse("ListRoles", () => new ListRolesResponse { Roles = IamXml.List(x, "Roles", IamXml.Role) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<GetGroupResponse> GetGroupAsync(GetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "GetGroup", "GroupName");
        var form = new QueryForm("GetGroup", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("GetGroup", form, cancellationToken);
        return Parse("GetGroup", () => new GetGroupResponse { Group = One(x, "Group", IamXml.Group), Users = IamXml.List(x, "Users", IamXml.User) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "CreateGroup", "GroupName");
        var form = new QueryForm("CreateGroup", ApiVersion)
            .Add("Path", request.Path)
            .Add("GroupName", request.GroupName);
        var x = await CallAsync("CreateGroup", form, cancellationToken);
        return Parse("CreateGroup", () => new CreateGroupResponse { Group = One(x, "Group", IamXml.Group) });
    }

    public async Task<DeleteGroupResponse> DeleteGroupAsync(DeleteGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "DeleteGroup", "GroupName");
        var form = new QueryForm("DeleteGroup", ApiVersion)
            .Add("GroupName", request.GroupName);
        await CallAsync("DeleteGroup", form, cancellationToken);
        return new DeleteGroupResponse();
    }

    public async Task<AddUserToGroupResponse> AddUserToGroupAsync(AddUserToGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "AddUserToGroup", "GroupName");
        Required.Member(request.UserName, "AddUserToGroup", "UserName");
        var form = new QueryForm("AddUserToGroup", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("UserName", request.UserName);
        await CallAsync("AddUserToGroup", form, cancellationToken);
        return new AddUserToGroupResponse();
    }

    public async Task<RemoveUserFromGroupResponse> RemoveUserFromGroupAsync(RemoveUserFromGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "RemoveUserFromGroup", "GroupName");
        Required.Member(request.UserName, "RemoveUserFromGroup", "UserName");
        var form = new QueryForm("RemoveUserFromGroup", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("UserName", request.UserName);
        await CallAsync("RemoveUserFromGroup", form, cancellationToken);
        return new RemoveUserFromGroupResponse();
    }

    public async Task<ListGroupsForUserResponse> ListGroupsForUserAsync(ListGroupsForUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "ListGroupsForUser", "UserName");
        var form = new QueryForm("ListGroupsForUser", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListGroupsForUser", form, cancellationToken);
        return Parse("ListGroupsForUser", () => new ListGroupsForUserResponse { Groups = IamXml.List(x, "Groups", IamXml.Group) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<PutUserPolicyResponse> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "PutUserPolicy", "UserName");
        Required.Member(request.PolicyName, "PutUserPolicy", "PolicyName");
        Required.Member(request.PolicyDocument, "PutUserPolicy", "PolicyDocument");
        var form = new QueryForm("PutUserPolicy", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("PolicyName", request.PolicyName)
            .Add("PolicyDocument", request.PolicyDocument);
        await CallAsync("PutUserPolicy", form, cancellationToken);
        return new PutUserPolicyResponse();
    }

    public async Task<GetUserPolicyResponse> GetUserPolicyAsync(GetUserPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "GetUserPolicy", "UserName");
        Required.Member(request.PolicyName, "GetUserPolicy", "PolicyName");
        var form = new QueryForm("GetUserPolicy", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("PolicyName", request.PolicyName);
        var x = await CallAsync("GetUserPolicy", form, cancellationToken);
        return Parse("GetUserPolicy", () => new GetUserPolicyResponse { UserName = IamXml.Text(x, "UserName"), PolicyName = IamXml.Text(x, "PolicyName"), PolicyDocument = IamXml.PolicyDocument(x, "PolicyDocument") });
    }

    public async Task<DeleteUserPolicyResponse> DeleteUserPolicyAsync(DeleteUserPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "DeleteUserPolicy", "UserName");
        Required.Member(request.PolicyName, "DeleteUserPolicy", "PolicyName");
        var form = new QueryForm("DeleteUserPolicy", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("PolicyName", request.PolicyName);
        await CallAsync("DeleteUserPolicy", form, cancellationToken);
        return new DeleteUserPolicyResponse();
    }

    public async Task<ListUserPoliciesResponse> ListUserPoliciesAsync(ListUserPoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "ListUserPolicies", "UserName");
        var form = new QueryForm("ListUserPolicies", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListUserPolicies", form, cancellationToken);
        return Parse("ListUserPolicies", () => new ListUserPoliciesResponse { PolicyNames = IamXml.List(x, "PolicyNames", IamXml.Member) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<PutRolePolicyResponse> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "PutRolePolicy", "RoleName");
        Required.Member(request.PolicyName, "PutRolePolicy", "PolicyName");
        Required.Member(request.PolicyDocument, "PutRolePolicy", "PolicyDocument");
        var form = new QueryForm("PutRolePolicy", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName)
            .Add("PolicyDocument", request.PolicyDocument);
        await CallAsync("PutRolePolicy", form, cancellationToken);
        return new PutRolePolicyResponse();
    }

    public async Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "GetRolePolicy", "RoleName");
        Required.Member(request.PolicyName, "GetRolePolicy", "PolicyName");
        var form = new QueryForm("GetRolePolicy", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName);
        var x = await CallAsync("GetRolePolicy", form, cancellationToken);
        return Parse("GetRolePolicy", () => new GetRolePolicyResponse { RoleName = IamXml.Text(x, "RoleName"), PolicyName = IamXml.Text(x, "PolicyName"), PolicyDocument = IamXml.PolicyDocument(x, "PolicyDocument") });
    }

    public async Task<DeleteRolePolicyResponse> DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "DeleteRolePolicy", "RoleName");
        Required.Member(request.PolicyName, "DeleteRolePolicy", "PolicyName");
        var form = new QueryForm("DeleteRolePolicy", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("PolicyName", request.PolicyName);
        await CallAsync("DeleteRolePolicy", form, cancellationToken);
        return new DeleteRolePolicyResponse();
    }

    public async Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "ListRolePolicies", "RoleName");
        var form = new QueryForm("ListRolePolicies", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListRolePolicies", form, cancellationToken);
        return Parse("ListRolePolicies", () => new ListRolePoliciesResponse { PolicyNames = IamXml.List(x, "PolicyNames", IamXml.Member) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<PutGroupPolicyResponse> PutGroupPolicyAsync(PutGroupPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "PutGroupPolicy", "GroupName");
        Required.Member(request.PolicyName, "PutGroupPolicy", "PolicyName");
        Required.Member(request.PolicyDocument, "PutGroupPolicy", "PolicyDocument");
        var form = new QueryForm("PutGroupPolicy", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("PolicyName", request.PolicyName)
            .Add("PolicyDocument", request.PolicyDocument);
        await CallAsync("PutGroupPolicy", form, cancellationToken);
        return new PutGroupPolicyResponse();
    }

    public async Task<GetGroupPolicyResponse> GetGroupPolicyAsync(GetGroupPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "GetGroupPolicy", "GroupName");
        Required.Member(request.PolicyName, "GetGroupPolicy", "PolicyName");
        var form = new QueryForm("GetGroupPolicy", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("PolicyName", request.PolicyName);
        var x = await CallAsync("GetGroupPolicy", form, cancellationToken);
        return Parse("GetGroupPolicy", () => new GetGroupPolicyResponse { GroupName = IamXml.Text(x, "GroupName"), PolicyName = IamXml.Text(x, "PolicyName"), PolicyDocument = IamXml.PolicyDocument(x, "PolicyDocument") });
    }

    public async Task<DeleteGroupPolicyResponse> DeleteGroupPolicyAsync(DeleteGroupPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "DeleteGroupPolicy", "GroupName");
        Required.Member(request.PolicyName, "DeleteGroupPolicy", "PolicyName");
        var form = new QueryForm("DeleteGroupPolicy", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("PolicyName", request.PolicyName);
        await CallAsync("DeleteGroupPolicy", form, cancellationToken);
        return new DeleteGroupPolicyResponse();
    }

    public async Task<ListGroupPoliciesResponse> ListGroupPoliciesAsync(ListGroupPoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.GroupName, "ListGroupPolicies", "GroupName");
        var form = new QueryForm("ListGroupPolicies", ApiVersion)
            .Add("GroupName", request.GroupName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListGroupPolicies", form, cancellationToken);
        return Parse("ListGroupPolicies", () => new ListGroupPoliciesResponse { PolicyNames = IamXml.List(x, "PolicyNames", IamXml.Member) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<ListAccessKeysResponse> ListAccessKeysAsync(ListAccessKeysRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new QueryForm("ListAccessKeys", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListAccessKeys", form, cancellationToken);
        return Parse("ListAccessKeys", () => new ListAccessKeysResponse { AccessKeyMetadata = IamXml.List(x, "AccessKeyMetadata", IamXml.AccessKeyMetadata) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<CreateAccessKeyResponse> CreateAccessKeyAsync(CreateAccessKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new QueryForm("CreateAccessKey", ApiVersion)
            .Add("UserName", request.UserName);
        var x = await CallAsync("CreateAccessKey", form, cancellationToken);
        return Parse("CreateAccessKey", () => new CreateAccessKeyResponse { AccessKey = One(x, "AccessKey", IamXml.AccessKey) });
    }

    public async Task<UpdateAccessKeyResponse> UpdateAccessKeyAsync(UpdateAccessKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.AccessKeyId, "UpdateAccessKey", "AccessKeyId");
        Required.Member(request.Status, "UpdateAccessKey", "Status");
        var form = new QueryForm("UpdateAccessKey", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("AccessKeyId", request.AccessKeyId)
            .Add("Status", request.Status);
        await CallAsync("UpdateAccessKey", form, cancellationToken);
        return new UpdateAccessKeyResponse();
    }

    public async Task<DeleteAccessKeyResponse> DeleteAccessKeyAsync(DeleteAccessKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.AccessKeyId, "DeleteAccessKey", "AccessKeyId");
        var form = new QueryForm("DeleteAccessKey", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("AccessKeyId", request.AccessKeyId);
        await CallAsync("DeleteAccessKey", form, cancellationToken);
        return new DeleteAccessKeyResponse();
    }

    public async Task<TagUserResponse> TagUserAsync(TagUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "TagUser", "UserName");
        var form = new QueryForm("TagUser", ApiVersion)
            .Add("UserName", request.UserName)
            .AddTags("Tags", request.Tags);
        await CallAsync("TagUser", form, cancellationToken);
        return new TagUserResponse();
    }

    public async Task<TagRoleResponse> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "TagRole", "RoleName");
        var form = new QueryForm("TagRole", ApiVersion)
            .Add("RoleName", request.RoleName)
            .AddTags("Tags", request.Tags);
        await CallAsync("TagRole", form, cancellationToken);
        return new TagRoleResponse();
    }

    public async Task<ListUserTagsResponse> ListUserTagsAsync(ListUserTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.UserName, "ListUserTags", "UserName");
        var form = new QueryForm("ListUserTags", ApiVersion)
            .Add("UserName", request.UserName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListUserTags", form, cancellationToken);
        return Parse("ListUserTags", () => new ListUserTagsResponse { Tags = IamXml.List(x, "Tags", IamXml.Tag) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    public async Task<ListRoleTagsResponse> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.RoleName, "ListRoleTags", "RoleName");
        var form = new QueryForm("ListRoleTags", ApiVersion)
            .Add("RoleName", request.RoleName)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var x = await CallAsync("ListRoleTags", form, cancellationToken);
        return Parse("ListRoleTags", () => new ListRoleTagsResponse { Tags = IamXml.List(x, "Tags", IamXml.Tag) ?? [], IsTruncated = IamXml.Bool(x, "IsTruncated"), Marker = IamXml.Text(x, "Marker") });
    }

    private async Task<XElement> CallAsync(string action, QueryForm form, CancellationToken cancellationToken)
    {
        var request = new AwsWireRequest(AwsService.Iam, action, "POST", "/")
        {
            Content = form.ToBytes(),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
        };
        var response = await _transport.SendAsync(request, AwsErrorParsers.Query, cancellationToken);
        return IamXml.Result(response, action);
    }

    private static T One<T>(XElement result, string name, Func<XElement, T> read)
        where T : class
    {
        var element = IamXml.Child(result, name) ?? throw new FormatException($"the answer has no <{name}>");
        return read(element);
    }

    private static T Parse<T>(string action, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException exception)
        {
            throw new AwsServiceException(action, "InvalidResponse", statusCode: null, $"cannot read the answer: {exception.Message}", requestId: null, exception);
        }
        catch (OverflowException exception)
        {
            throw new AwsServiceException(action, "InvalidResponse", statusCode: null, $"cannot read the answer: {exception.Message}", requestId: null, exception);
        }
    }
}
