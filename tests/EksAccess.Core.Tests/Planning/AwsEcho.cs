using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

/// <summary>
/// Applies AWS actions to an observed state the way AWS would, echo included: policy documents come back reformatted
/// (one line, a one-item Action as a list, URL-encoded), entries created without a username get EKS's default,
/// kubernetesGroups come back in another order, paths keep their slashes.
/// </summary>
internal static class AwsEcho
{
    public static AwsObservedState Apply(AwsObservedState state, IEnumerable<AwsAction> actions, string accountId = "111122223333")
    {
        var users = state.Users.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var roles = state.Roles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var groups = state.Groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var entries = state.AccessEntries.ToDictionary(e => e.PrincipalArn, StringComparer.Ordinal);
        var entryOrder = state.AccessEntries.Select(e => e.PrincipalArn).ToList();
        var cluster = state.Cluster;

        foreach (var action in actions)
        {
            switch (action)
            {
                case CreateIamUserAction a:
                    users[a.UserName] = new ObservedIamUser(a.UserName) { Path = a.Path, Arn = $"arn:aws:iam::{accountId}:user{a.Path}{a.UserName}", Tags = a.Tags };
                    break;
                case CreateIamGroupAction a:
                    groups[a.GroupName] = new ObservedIamGroup(a.GroupName) { Path = a.Path, Arn = $"arn:aws:iam::{accountId}:group{a.Path}{a.GroupName}" };
                    break;
                case CreateIamRoleAction a:
                    roles[a.RoleName] = new ObservedIamRole(a.RoleName)
                    {
                        Path = a.Path,
                        Arn = $"arn:aws:iam::{accountId}:role{a.Path}{a.RoleName}",
                        AssumeRolePolicyDocument = Echo(a.AssumeRolePolicyDocument),
                        MaxSessionDuration = a.MaxSessionDuration,
                        Tags = a.Tags,
                    };
                    break;
                case UpdateAssumeRolePolicyAction a:
                    roles[a.RoleName] = roles[a.RoleName] with { AssumeRolePolicyDocument = Echo(a.PolicyDocument) };
                    break;
                case UpdateRoleMaxSessionDurationAction a:
                    roles[a.RoleName] = roles[a.RoleName] with { MaxSessionDuration = a.MaxSessionDuration };
                    break;
                case TagIamEntityAction { EntityKind: IamEntityKind.User } a:
                    users[a.EntityName] = users[a.EntityName] with { Tags = users[a.EntityName].Tags.SetItems(a.Tags) };
                    break;
                case TagIamEntityAction a:
                    roles[a.EntityName] = roles[a.EntityName] with { Tags = roles[a.EntityName].Tags.SetItems(a.Tags) };
                    break;
                case PutInlinePolicyAction { EntityKind: IamEntityKind.User } a:
                    users[a.EntityName] = users[a.EntityName] with { InlinePolicies = users[a.EntityName].InlinePolicies.SetItem(a.PolicyName, Echo(a.PolicyDocument)) };
                    break;
                case PutInlinePolicyAction { EntityKind: IamEntityKind.Role } a:
                    roles[a.EntityName] = roles[a.EntityName] with { InlinePolicies = roles[a.EntityName].InlinePolicies.SetItem(a.PolicyName, Echo(a.PolicyDocument)) };
                    break;
                case PutInlinePolicyAction a:
                    groups[a.EntityName] = groups[a.EntityName] with { InlinePolicies = groups[a.EntityName].InlinePolicies.SetItem(a.PolicyName, Echo(a.PolicyDocument)) };
                    break;
                case DeleteInlinePolicyAction { EntityKind: IamEntityKind.User } a:
                    users[a.EntityName] = users[a.EntityName] with { InlinePolicies = users[a.EntityName].InlinePolicies.Remove(a.PolicyName) };
                    break;
                case DeleteInlinePolicyAction { EntityKind: IamEntityKind.Role } a:
                    roles[a.EntityName] = roles[a.EntityName] with { InlinePolicies = roles[a.EntityName].InlinePolicies.Remove(a.PolicyName) };
                    break;
                case DeleteInlinePolicyAction a:
                    groups[a.EntityName] = groups[a.EntityName] with { InlinePolicies = groups[a.EntityName].InlinePolicies.Remove(a.PolicyName) };
                    break;
                case AddUserToGroupAction a:
                    users[a.UserName] = users[a.UserName] with { Groups = [.. users[a.UserName].Groups.Append(a.GroupName).Distinct(StringComparer.Ordinal)] };
                    groups[a.GroupName] = groups[a.GroupName] with { Members = [.. groups[a.GroupName].Members.Append(a.UserName).Distinct(StringComparer.Ordinal)] };
                    break;
                case RemoveUserFromGroupAction a:
                    users[a.UserName] = users[a.UserName] with { Groups = users[a.UserName].Groups.Remove(a.GroupName) };
                    if (groups.TryGetValue(a.GroupName, out var group))
                    {
                        groups[a.GroupName] = group with { Members = group.Members.Remove(a.UserName) };
                    }

                    break;
                case CreateAccessKeyAction a:
                    users[a.UserName] = users[a.UserName] with { AccessKeyIds = users[a.UserName].AccessKeyIds.Add("AKIA" + a.UserName.ToUpperInvariant()) };
                    break;
                case DeleteAccessKeyAction a:
                    users[a.UserName] = users[a.UserName] with { AccessKeyIds = users[a.UserName].AccessKeyIds.Remove(a.AccessKeyId) };
                    break;
                case DeleteIamUserAction a:
                    users.Remove(a.UserName).ShouldBeTrue();
                    break;
                case DeleteIamRoleAction a:
                    roles.Remove(a.RoleName).ShouldBeTrue();
                    break;
                case UpdateAuthenticationModeAction a:
                    cluster = cluster! with { AuthenticationMode = a.AuthenticationMode };
                    break;
                case UpdateClusterLoggingAction a:
                    cluster = cluster! with
                    {
                        EnabledLogTypes = [.. cluster.EnabledLogTypes.Except(a.Disable, StringComparer.Ordinal).Union(a.Enable, StringComparer.Ordinal)],
                    };
                    break;
                case CreateAccessEntryAction a:
                    var principal = IamPrincipalArn.Parse(a.PrincipalArn);
                    entries[a.PrincipalArn] = new ObservedAccessEntry(a.PrincipalArn)
                    {
                        Type = a.Type,
                        Username = a.Username ?? AccessEntryDefaults.Username(a.Type, principal),
                        KubernetesGroups = AccessEntryDefaults.IsStandard(a.Type) ? [.. a.KubernetesGroups.Reverse()] : AccessEntryDefaults.Groups(a.Type),
                        Tags = a.Tags,
                    };
                    entryOrder.Add(a.PrincipalArn);
                    break;
                case UpdateAccessEntryAction a:
                    entries[a.PrincipalArn] = entries[a.PrincipalArn] with { Username = a.Username ?? entries[a.PrincipalArn].Username, KubernetesGroups = [.. a.KubernetesGroups.Reverse()] };
                    break;
                case DeleteAccessEntryAction a:
                    entries.Remove(a.PrincipalArn).ShouldBeTrue();
                    break;
                case AssociateAccessPolicyAction a:
                    var echoedScope = a.AccessScope with { Namespaces = [.. a.AccessScope.Namespaces.Reverse()] };
                    entries[a.PrincipalArn] = entries[a.PrincipalArn] with
                    {
                        AssociatedAccessPolicies = [.. entries[a.PrincipalArn].AssociatedAccessPolicies.Where(p => p.PolicyArn != a.PolicyArn), new AssociatedAccessPolicy(a.PolicyArn, echoedScope)],
                    };
                    break;
                case DisassociateAccessPolicyAction a:
                    entries[a.PrincipalArn] = entries[a.PrincipalArn] with { AssociatedAccessPolicies = [.. entries[a.PrincipalArn].AssociatedAccessPolicies.Where(p => p.PolicyArn != a.PolicyArn)] };
                    break;
                default:
                    throw new InvalidOperationException("unknown action " + action);
            }
        }

        return state with
        {
            Users = [.. users.Values],
            Roles = [.. roles.Values],
            Groups = [.. groups.Values],
            Cluster = cluster,
            AccessEntries = [.. entryOrder.Distinct(StringComparer.Ordinal).Where(entries.ContainsKey).Select(arn => entries[arn])],
        };
    }

    /// <summary>What IAM gives back: the same policy, keys reversed, one line, a plain Action as a list, URL-encoded.</summary>
    public static string Echo(string document)
    {
        var node = JsonNode.Parse(document)!;
        return Uri.EscapeDataString(Rewrite(node)!.ToJsonString());
    }

    private static JsonNode? Rewrite(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(
            p.Key,
            p.Key == "Action" && p.Value is JsonValue ? new JsonArray(p.Value.DeepClone()) : Rewrite(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Rewrite)]),
        _ => node?.DeepClone(),
    };

    public static ImmutableSortedDictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToImmutableSortedDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
}
