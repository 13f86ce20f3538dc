using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam.Model;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Desired;

namespace EksAccess.Aws.Access;

/// <summary>
/// The call behind each <see cref="AwsAction"/>, one to one. Every call is idempotent or made so: "already exists" on a
/// create and "not found" on a delete count as done, so a re-run after a failure part-way converges. An
/// authentication-mode or logging change waits for its cluster update (DescribeUpdate) to succeed; a new access entry
/// waits for its freshly created principal to become visible to EKS.
/// </summary>
internal sealed class AwsActionExecutor(AwsClients clients, TimeProvider time)
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan[] PollDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    private readonly AwsClients _clients = clients;
    private readonly TimeProvider _time = time;

    /// <summary>How long to wait for an entry's principal to become visible to EKS after IAM created it (IAM is eventually consistent).</summary>
    public TimeSpan PrincipalPropagationDelay { get; init; } = TimeSpan.FromSeconds(3);

    public int PrincipalPropagationAttempts { get; init; } = 6;

    /// <summary>Makes one call; returns a note for the progress line ("" usually) and a created access key.</summary>
    public async Task<AwsActionOutcome> ExecuteAsync(AwsAction action, CancellationToken cancellationToken)
    {
        var iam = _clients.Iam;
        var eks = _clients.Eks;
        switch (action)
        {
            case CreateIamUserAction a:
                await Tolerate(() => iam.CreateUserAsync(new CreateUserRequest { UserName = a.UserName, Path = a.Path, Tags = Tags(a.Tags) }, cancellationToken), "EntityAlreadyExists");
                return AwsActionOutcome.Done;
            case CreateIamGroupAction a:
                await Tolerate(() => iam.CreateGroupAsync(new CreateGroupRequest { GroupName = a.GroupName, Path = a.Path }, cancellationToken), "EntityAlreadyExists");
                return AwsActionOutcome.Done;
            case CreateIamRoleAction a:
                await Tolerate(
                    () => iam.CreateRoleAsync(
                        new CreateRoleRequest { RoleName = a.RoleName, Path = a.Path, AssumeRolePolicyDocument = a.AssumeRolePolicyDocument, MaxSessionDuration = a.MaxSessionDuration, Tags = Tags(a.Tags) },
                        cancellationToken),
                    "EntityAlreadyExists");
                return AwsActionOutcome.Done;
            case UpdateAssumeRolePolicyAction a:
                await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = a.RoleName, PolicyDocument = a.PolicyDocument }, cancellationToken);
                return AwsActionOutcome.Done;
            case UpdateRoleMaxSessionDurationAction a:
                await iam.UpdateRoleAsync(new UpdateRoleRequest { RoleName = a.RoleName, MaxSessionDuration = a.MaxSessionDuration }, cancellationToken);
                return AwsActionOutcome.Done;
            case TagIamEntityAction { EntityKind: IamEntityKind.User } a:
                await iam.TagUserAsync(new TagUserRequest { UserName = a.EntityName, Tags = Tags(a.Tags) }, cancellationToken);
                return AwsActionOutcome.Done;
            case TagIamEntityAction a:
                await iam.TagRoleAsync(new TagRoleRequest { RoleName = a.EntityName, Tags = Tags(a.Tags) }, cancellationToken);
                return AwsActionOutcome.Done;
            case PutInlinePolicyAction a:
                await PutPolicyAsync(a, cancellationToken);
                return AwsActionOutcome.Done;
            case DeleteInlinePolicyAction a:
                await DeletePolicyAsync(a, cancellationToken);
                return AwsActionOutcome.Done;
            case AddUserToGroupAction a:
                await iam.AddUserToGroupAsync(new AddUserToGroupRequest { UserName = a.UserName, GroupName = a.GroupName }, cancellationToken);
                return AwsActionOutcome.Done;
            case RemoveUserFromGroupAction a:
                await Tolerate(() => iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest { UserName = a.UserName, GroupName = a.GroupName }, cancellationToken), "NoSuchEntity");
                return AwsActionOutcome.Done;
            case CreateAccessKeyAction a:
                return await CreateAccessKeyAsync(a, cancellationToken);
            case UpdateAccessKeyAction a:
                await iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest { UserName = a.UserName, AccessKeyId = a.AccessKeyId, Status = a.Active ? StatusType.Active : StatusType.Inactive }, cancellationToken);
                return AwsActionOutcome.Done;
            case DeleteAccessKeyAction a:
                await Tolerate(() => iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest { UserName = a.UserName, AccessKeyId = a.AccessKeyId }, cancellationToken), "NoSuchEntity");
                return AwsActionOutcome.Done;
            case DeleteIamUserAction a:
                await Tolerate(() => iam.DeleteUserAsync(new DeleteUserRequest { UserName = a.UserName }, cancellationToken), "NoSuchEntity");
                return AwsActionOutcome.Done;
            case DeleteIamRoleAction a:
                await Tolerate(() => iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = a.RoleName }, cancellationToken), "NoSuchEntity");
                return AwsActionOutcome.Done;
            case UpdateAuthenticationModeAction a:
                return new(await UpdateAuthenticationModeAsync(a, cancellationToken));
            case UpdateClusterLoggingAction a:
                return new(await UpdateClusterLoggingAsync(a, cancellationToken));
            case CreateAccessEntryAction a:
                await CreateAccessEntryAsync(a, cancellationToken);
                return AwsActionOutcome.Done;
            case UpdateAccessEntryAction a:
                await eks.UpdateAccessEntryAsync(
                    new UpdateAccessEntryRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn, Username = a.Username, KubernetesGroups = [.. a.KubernetesGroups] },
                    cancellationToken);
                return AwsActionOutcome.Done;
            case DeleteAccessEntryAction a:
                await Tolerate(() => eks.DeleteAccessEntryAsync(new DeleteAccessEntryRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn }, cancellationToken), "ResourceNotFoundException");
                return AwsActionOutcome.Done;
            case AssociateAccessPolicyAction a:
                await eks.AssociateAccessPolicyAsync(
                    new AssociateAccessPolicyRequest
                    {
                        ClusterName = a.ClusterName,
                        PrincipalArn = a.PrincipalArn,
                        PolicyArn = a.PolicyArn,
                        AccessScope = WireMapping.ToWire(a.AccessScope),
                    },
                    cancellationToken);
                return AwsActionOutcome.Done;
            case DisassociateAccessPolicyAction a:
                await Tolerate(() => eks.DisassociateAccessPolicyAsync(new DisassociateAccessPolicyRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn, PolicyArn = a.PolicyArn }, cancellationToken), "ResourceNotFoundException");
                return AwsActionOutcome.Done;
            case TagAccessEntryAction a:
                await TagAccessEntryAsync(a, cancellationToken);
                return AwsActionOutcome.Done;
            case UntagAccessEntryAction a:
                await UntagAccessEntryAsync(a, cancellationToken);
                return AwsActionOutcome.Done;
            default:
                throw new InvalidOperationException($"no executor for {action.GetType().Name}");
        }
    }

    /// <summary>TagResource needs the entry's ARN, which only DescribeAccessEntry gives (ListAccessEntries returns principal ARNs).</summary>
    private async Task TagAccessEntryAsync(TagAccessEntryAction a, CancellationToken cancellationToken)
    {
        var arn = await AccessEntryArnAsync(a.ClusterName, a.PrincipalArn, cancellationToken);
        await _clients.Eks.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = a.Tags.ToDictionary(StringComparer.Ordinal) }, cancellationToken);
    }

    /// <summary>An entry already gone has no tags left to remove: done.</summary>
    private async Task UntagAccessEntryAsync(UntagAccessEntryAction a, CancellationToken cancellationToken)
    {
        string arn;
        try
        {
            arn = await AccessEntryArnAsync(a.ClusterName, a.PrincipalArn, cancellationToken);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            return;
        }

        await Tolerate(() => _clients.Eks.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = [.. a.TagKeys] }, cancellationToken), "NotFoundException");
    }

    private async Task<string> AccessEntryArnAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        var entry = (await _clients.Eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = clusterName, PrincipalArn = principalArn }, cancellationToken)).AccessEntry;
        return entry?.AccessEntryArn ?? throw new InvalidDataException($"DescribeAccessEntry {principalArn} on {clusterName} returned no accessEntryArn");
    }

    private async Task PutPolicyAsync(PutInlinePolicyAction a, CancellationToken cancellationToken)
    {
        var iam = _clients.Iam;
        switch (a.EntityKind)
        {
            case IamEntityKind.User:
                await iam.PutUserPolicyAsync(new PutUserPolicyRequest { UserName = a.EntityName, PolicyName = a.PolicyName, PolicyDocument = a.PolicyDocument }, cancellationToken);
                break;
            case IamEntityKind.Role:
                await iam.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = a.EntityName, PolicyName = a.PolicyName, PolicyDocument = a.PolicyDocument }, cancellationToken);
                break;
            default:
                await iam.PutGroupPolicyAsync(new PutGroupPolicyRequest { GroupName = a.EntityName, PolicyName = a.PolicyName, PolicyDocument = a.PolicyDocument }, cancellationToken);
                break;
        }
    }

    private async Task DeletePolicyAsync(DeleteInlinePolicyAction a, CancellationToken cancellationToken)
    {
        var iam = _clients.Iam;
        await Tolerate(
            async () =>
            {
                switch (a.EntityKind)
                {
                    case IamEntityKind.User:
                        await iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest { UserName = a.EntityName, PolicyName = a.PolicyName }, cancellationToken);
                        break;
                    case IamEntityKind.Role:
                        await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest { RoleName = a.EntityName, PolicyName = a.PolicyName }, cancellationToken);
                        break;
                    default:
                        await iam.DeleteGroupPolicyAsync(new DeleteGroupPolicyRequest { GroupName = a.EntityName, PolicyName = a.PolicyName }, cancellationToken);
                        break;
                }

                return true;
            },
            "NoSuchEntity");
    }

    private async Task CreateAccessEntryAsync(CreateAccessEntryAction a, CancellationToken cancellationToken)
    {
        var request = new CreateAccessEntryRequest
        {
            ClusterName = a.ClusterName,
            PrincipalArn = a.PrincipalArn,
            Type = a.Type,
            Username = a.Username,
            KubernetesGroups = a.KubernetesGroups.IsDefaultOrEmpty ? null : [.. a.KubernetesGroups],
            Tags = a.Tags.ToDictionary(StringComparer.Ordinal),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Tolerate(() => _clients.Eks.CreateAccessEntryAsync(request, cancellationToken), "ResourceInUseException");
                return;
            }
            catch (AwsServiceException ex) when (attempt < PrincipalPropagationAttempts && IsPrincipalNotYetVisible(ex))
            {
                // IAM is eventually consistent: a role or user created moments ago may not be visible to EKS yet.
                await Task.Delay(PrincipalPropagationDelay, _time, cancellationToken);
            }
        }
    }

    private static bool IsPrincipalNotYetVisible(AwsServiceException exception) =>
        string.Equals(exception.ErrorCode, "InvalidParameterException", StringComparison.Ordinal)
        && exception.AwsMessage.Contains("principal", StringComparison.OrdinalIgnoreCase);

    private async Task<string> UpdateAuthenticationModeAsync(UpdateAuthenticationModeAction a, CancellationToken cancellationToken)
    {
        var mode = a.AuthenticationMode.ToWire();
        var started = await _clients.Eks.UpdateClusterConfigAsync(
            new UpdateClusterConfigRequest { Name = a.ClusterName, AccessConfig = new UpdateAccessConfigRequest { AuthenticationMode = mode } },
            cancellationToken);
        var update = started.Update ?? throw new InvalidOperationException($"UpdateClusterConfig of {a.ClusterName} returned no update");
        return await WaitForUpdateAsync(a.ClusterName, $"to {mode}", update, cancellationToken);
    }

    private async Task<string> UpdateClusterLoggingAsync(UpdateClusterLoggingAction a, CancellationToken cancellationToken)
    {
        List<LogSetup> setups = [];
        if (!a.Enable.IsEmpty)
        {
            setups.Add(new LogSetup { Types = [.. a.Enable], Enabled = true });
        }

        if (!a.Disable.IsEmpty)
        {
            setups.Add(new LogSetup { Types = [.. a.Disable], Enabled = false });
        }

        var started = await _clients.Eks.UpdateClusterConfigAsync(
            new UpdateClusterConfigRequest { Name = a.ClusterName, Logging = new Logging { ClusterLogging = setups } },
            cancellationToken);
        // moto answers a logging update with an empty body (the real API returns the update): nothing to wait for then.
        return started.Update is { } update ? await WaitForUpdateAsync(a.ClusterName, "of its logging", update, cancellationToken) : "";
    }

    /// <summary>Polls DescribeUpdate until the cluster update succeeds; a failed, cancelled or timed-out update throws.</summary>
    private async Task<string> WaitForUpdateAsync(string clusterName, string what, Update update, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + UpdateTimeout;
        for (var poll = 0; ; poll++)
        {
            switch (update.Status)
            {
                case UpdateStatus.Successful:
                    return $"; update {update.Id} Successful";
                case UpdateStatus.Failed or UpdateStatus.Cancelled:
                    var errors = string.Join("; ", (update.Errors ?? []).Select(e => $"{e.ErrorCode}: {e.ErrorMessage}"));
                    throw new InvalidOperationException(
                        $"update {update.Id} of cluster {clusterName} {what} is {update.Status}{(errors.Length == 0 ? "" : ": " + errors)} — see aws eks describe-update --name {clusterName} --update-id {update.Id}");
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"update {update.Id} of cluster {clusterName} {what} is still {update.Status ?? "pending"} after {UpdateTimeout.TotalMinutes:0} minutes — check aws eks describe-update --name {clusterName} --update-id {update.Id}, then apply again");
            }

            await Task.Delay(PollDelays[Math.Min(poll, PollDelays.Length - 1)], _time, cancellationToken);
            var described = await _clients.Eks.DescribeUpdateAsync(new DescribeUpdateRequest { Name = clusterName, UpdateId = update.Id }, cancellationToken);
            update = described.Update ?? update;
        }
    }

    private async Task<AwsActionOutcome> CreateAccessKeyAsync(CreateAccessKeyAction a, CancellationToken cancellationToken)
    {
        var created = await _clients.Iam.CreateAccessKeyAsync(new CreateAccessKeyRequest { UserName = a.UserName }, cancellationToken);
        var key = created.AccessKey ?? throw new InvalidOperationException($"CreateAccessKey for {a.UserName} returned no key");
        return new AwsActionOutcome("", new CreatedAccessKey(key.UserName ?? a.UserName, key.AccessKeyId, key.Status, key.SecretAccessKey, key.CreateDate));
    }

    private static async Task Tolerate<T>(Func<Task<T>> call, string toleratedCode)
    {
        try
        {
            await call();
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, toleratedCode, StringComparison.Ordinal))
        {
            // Already done (by an earlier, interrupted apply, or a retried call whose first answer was lost).
        }
    }

    private static List<Tag> Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })];
}
