#pragma warning disable MA0048 // A closed hierarchy: the sealed cases share the base's file.
using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Planning;

/// <summary>
/// The exact AWS call behind one <see cref="PlannedChange"/> of the AWS half, with everything it sends. The planner
/// decides them; the CLI's AWS target executes them one to one.
/// </summary>
public abstract record AwsAction;

public sealed record CreateIamUserAction(string UserName, string Path, ImmutableSortedDictionary<string, string> Tags) : AwsAction;

public sealed record CreateIamGroupAction(string GroupName, string Path) : AwsAction;

public sealed record CreateIamRoleAction(string RoleName, string Path, string AssumeRolePolicyDocument, int MaxSessionDuration, ImmutableSortedDictionary<string, string> Tags) : AwsAction;

public sealed record UpdateAssumeRolePolicyAction(string RoleName, string PolicyDocument) : AwsAction;

public sealed record UpdateRoleMaxSessionDurationAction(string RoleName, int MaxSessionDuration) : AwsAction;

/// <summary>TagUser or TagRole (adds or overwrites these tags; others stay).</summary>
public sealed record TagIamEntityAction(IamEntityKind EntityKind, string EntityName, ImmutableSortedDictionary<string, string> Tags) : AwsAction;

public sealed record PutInlinePolicyAction(IamEntityKind EntityKind, string EntityName, string PolicyName, string PolicyDocument) : AwsAction;

public sealed record DeleteInlinePolicyAction(IamEntityKind EntityKind, string EntityName, string PolicyName) : AwsAction;

public sealed record AddUserToGroupAction(string UserName, string GroupName) : AwsAction;

public sealed record RemoveUserFromGroupAction(string UserName, string GroupName) : AwsAction;

/// <summary>CreateAccessKey; the secret goes to <c>USER.access-key.json</c> (mode 0600), never to the output.</summary>
public sealed record CreateAccessKeyAction(string UserName) : AwsAction;

public sealed record DeleteAccessKeyAction(string UserName, string AccessKeyId) : AwsAction;

/// <summary>UpdateAccessKey: deactivate (revoke keeps the key, so it can be turned back on) or activate it.</summary>
public sealed record UpdateAccessKeyAction(string UserName, string AccessKeyId, bool Active) : AwsAction;

public sealed record DeleteIamUserAction(string UserName) : AwsAction;

public sealed record DeleteIamRoleAction(string RoleName) : AwsAction;

/// <summary>UpdateClusterConfig accessConfig.authenticationMode, then DescribeUpdate until it succeeds or fails.</summary>
public sealed record UpdateAuthenticationModeAction(string ClusterName, AuthenticationMode AuthenticationMode) : AwsAction;

/// <summary>eks:UpdateClusterConfig logging: enable exactly <paramref name="Enable"/>, disable <paramref name="Disable"/>.</summary>
public sealed record UpdateClusterLoggingAction(string ClusterName, ImmutableArray<string> Enable, ImmutableArray<string> Disable) : AwsAction;

public sealed record CreateAccessEntryAction(
    string ClusterName,
    string PrincipalArn,
    string Type,
    string? Username,
    ImmutableArray<string> KubernetesGroups,
    ImmutableSortedDictionary<string, string> Tags) : AwsAction;

public sealed record UpdateAccessEntryAction(string ClusterName, string PrincipalArn, string? Username, ImmutableArray<string> KubernetesGroups) : AwsAction;

/// <summary>eks:TagResource on the principal's access entry (its ARN is read with DescribeAccessEntry): adds or overwrites these tags.</summary>
public sealed record TagAccessEntryAction(string ClusterName, string PrincipalArn, ImmutableSortedDictionary<string, string> Tags) : AwsAction;

/// <summary>eks:UntagResource on the principal's access entry: removes these tag keys (absent ones are no error).</summary>
public sealed record UntagAccessEntryAction(string ClusterName, string PrincipalArn, ImmutableArray<string> TagKeys) : AwsAction;

public sealed record DeleteAccessEntryAction(string ClusterName, string PrincipalArn) : AwsAction;

/// <summary>AssociateAccessPolicy: associating again replaces the scope.</summary>
public sealed record AssociateAccessPolicyAction(string ClusterName, string PrincipalArn, string PolicyArn, AccessScope AccessScope) : AwsAction;

public sealed record DisassociateAccessPolicyAction(string ClusterName, string PrincipalArn, string PolicyArn) : AwsAction;
