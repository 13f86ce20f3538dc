using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Aws;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam.Model;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;
using EksAccessScope = EksAccess.Aws.Eks.Model.AccessScope;

namespace EksAccess.Cli.Planning;

/// <summary>
/// Executes the AWS half of a plan: phase by phase (<see cref="PlannedChange.Order"/>), the changes of one phase
/// concurrently within a bound; one progress line per change on the progress writer. Every call is idempotent or made
/// so: "already exists" on a create and "not found" on a delete count as done, so a re-run after a failure part-way
/// converges. An authentication-mode change waits for its cluster update (DescribeUpdate) to succeed. A created access
/// key is written to <c>USER.access-key.json</c> (mode 0600) and never printed.
/// </summary>
internal sealed class AwsPlanExecutor
{
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan[] PollDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AwsClients _clients;
    private readonly PlanContext _context;
    private readonly int _concurrency;
    private readonly Lock _progress = new();
    private int _done;
    private int _total;

    public AwsPlanExecutor(AwsClients clients, PlanContext context, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _clients = clients;
        _context = context;
        _concurrency = concurrency;
    }

    /// <summary>How long to wait for an entry's principal to become visible to EKS after IAM created it (IAM is eventually consistent).</summary>
    public TimeSpan PrincipalPropagationDelay { get; init; } = TimeSpan.FromSeconds(3);

    public int PrincipalPropagationAttempts { get; init; } = 6;

    /// <summary>Executes the steps (in plan order); returns how many were made. Throws <see cref="RemoteException"/> on the first failure, after the phase's running calls have finished.</summary>
    public async Task<int> ExecuteAsync(IReadOnlyList<AwsPlanStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _total = steps.Count;
        _done = 0;
        foreach (var phase in steps.GroupBy(s => s.Change.Order).OrderBy(g => g.Key))
        {
            var failures = new List<(AwsPlanStep Step, Exception Error)>();
            var failuresGate = new Lock();
            await Parallel.ForEachAsync(
                phase,
                new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
                async (step, token) =>
                {
                    try
                    {
                        var started = Stopwatch.GetTimestamp();
                        var note = await ExecuteAsync(step.Action, token);
                        Report(step, $"done ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.00}s){note}");
                    }
                    catch (Exception ex) when (AwsFailures.IsAwsFailure(ex) || ex is IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
                    {
                        lock (failuresGate)
                        {
                            failures.Add((step, ex));
                        }

                        Report(step, "FAILED: " + OneLine(ex.Message), counted: false);
                    }
                });

            if (failures.Count > 0)
            {
                var (step, error) = failures[0];
                var more = failures.Count > 1 ? $" (and {failures.Count - 1} more in the same phase)" : "";
                throw AwsFailures.ToRemote(error, $"aws: {_done} of {_total} changes applied, then {step.Change.ApiCall} {step.Change.Id} failed{more}");
            }
        }

        return _done;
    }

    private void Report(AwsPlanStep step, string outcome, bool counted = true)
    {
        var verb = step.Change.Kind switch
        {
            ChangeKind.Create => "create",
            ChangeKind.Update => "update",
            _ => "delete",
        };
        lock (_progress)
        {
            var number = counted ? ++_done : _done;
            _context.Progress.WriteLine($"[{number}/{_total}] {verb} {step.Change.ResourceType} {step.Change.Id} ({step.Change.ApiCall}): {outcome}");
        }
    }

    /// <summary>Makes one call; returns a note for the progress line ("" usually).</summary>
    private async Task<string> ExecuteAsync(AwsAction action, CancellationToken cancellationToken)
    {
        var iam = _clients.Iam;
        var eks = _clients.Eks;
        switch (action)
        {
            case CreateIamUserAction a:
                await Tolerate(() => iam.CreateUserAsync(new CreateUserRequest { UserName = a.UserName, Path = a.Path, Tags = Tags(a.Tags) }, cancellationToken), "EntityAlreadyExists");
                return "";
            case CreateIamGroupAction a:
                await Tolerate(() => iam.CreateGroupAsync(new CreateGroupRequest { GroupName = a.GroupName, Path = a.Path }, cancellationToken), "EntityAlreadyExists");
                return "";
            case CreateIamRoleAction a:
                await Tolerate(
                    () => iam.CreateRoleAsync(
                        new CreateRoleRequest { RoleName = a.RoleName, Path = a.Path, AssumeRolePolicyDocument = a.AssumeRolePolicyDocument, MaxSessionDuration = a.MaxSessionDuration, Tags = Tags(a.Tags) },
                        cancellationToken),
                    "EntityAlreadyExists");
                return "";
            case UpdateAssumeRolePolicyAction a:
                await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = a.RoleName, PolicyDocument = a.PolicyDocument }, cancellationToken);
                return "";
            case UpdateRoleMaxSessionDurationAction a:
                await iam.UpdateRoleAsync(new UpdateRoleRequest { RoleName = a.RoleName, MaxSessionDuration = a.MaxSessionDuration }, cancellationToken);
                return "";
            case TagIamEntityAction { EntityKind: IamEntityKind.User } a:
                await iam.TagUserAsync(new TagUserRequest { UserName = a.EntityName, Tags = Tags(a.Tags) }, cancellationToken);
                return "";
            case TagIamEntityAction a:
                await iam.TagRoleAsync(new TagRoleRequest { RoleName = a.EntityName, Tags = Tags(a.Tags) }, cancellationToken);
                return "";
            case PutInlinePolicyAction a:
                await PutPolicyAsync(a, cancellationToken);
                return "";
            case DeleteInlinePolicyAction a:
                await DeletePolicyAsync(a, cancellationToken);
                return "";
            case AddUserToGroupAction a:
                await iam.AddUserToGroupAsync(new AddUserToGroupRequest { UserName = a.UserName, GroupName = a.GroupName }, cancellationToken);
                return "";
            case RemoveUserFromGroupAction a:
                await Tolerate(() => iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest { UserName = a.UserName, GroupName = a.GroupName }, cancellationToken), "NoSuchEntity");
                return "";
            case CreateAccessKeyAction a:
                return await CreateAccessKeyAsync(a, cancellationToken);
            case DeleteAccessKeyAction a:
                await Tolerate(() => iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest { UserName = a.UserName, AccessKeyId = a.AccessKeyId }, cancellationToken), "NoSuchEntity");
                return "";
            case DeleteIamUserAction a:
                await Tolerate(() => iam.DeleteUserAsync(new DeleteUserRequest { UserName = a.UserName }, cancellationToken), "NoSuchEntity");
                return "";
            case DeleteIamRoleAction a:
                await Tolerate(() => iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = a.RoleName }, cancellationToken), "NoSuchEntity");
                return "";
            case UpdateAuthenticationModeAction a:
                return await UpdateAuthenticationModeAsync(a, cancellationToken);
            case UpdateClusterLoggingAction a:
                return await UpdateClusterLoggingAsync(a, cancellationToken);
            case CreateAccessEntryAction a:
                await CreateAccessEntryAsync(a, cancellationToken);
                return "";
            case UpdateAccessEntryAction a:
                await eks.UpdateAccessEntryAsync(
                    new UpdateAccessEntryRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn, Username = a.Username, KubernetesGroups = [.. a.KubernetesGroups] },
                    cancellationToken);
                return "";
            case DeleteAccessEntryAction a:
                await Tolerate(() => eks.DeleteAccessEntryAsync(new DeleteAccessEntryRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn }, cancellationToken), "ResourceNotFoundException");
                return "";
            case AssociateAccessPolicyAction a:
                await eks.AssociateAccessPolicyAsync(
                    new AssociateAccessPolicyRequest
                    {
                        ClusterName = a.ClusterName,
                        PrincipalArn = a.PrincipalArn,
                        PolicyArn = a.PolicyArn,
                        AccessScope = new EksAccessScope { Type = a.AccessScope.Type, Namespaces = a.AccessScope.IsCluster ? null : [.. a.AccessScope.Namespaces] },
                    },
                    cancellationToken);
                return "";
            case DisassociateAccessPolicyAction a:
                await Tolerate(() => eks.DisassociateAccessPolicyAsync(new DisassociateAccessPolicyRequest { ClusterName = a.ClusterName, PrincipalArn = a.PrincipalArn, PolicyArn = a.PolicyArn }, cancellationToken), "ResourceNotFoundException");
                return "";
            default:
                throw new InvalidOperationException($"no executor for {action.GetType().Name}");
        }
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
                await Task.Delay(PrincipalPropagationDelay, _context.Time, cancellationToken);
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
        var deadline = _context.Time.GetUtcNow() + UpdateTimeout;
        for (var poll = 0; ; poll++)
        {
            switch (update.Status)
            {
                case Aws.Eks.Model.UpdateStatus.Successful:
                    return $"; update {update.Id} Successful";
                case Aws.Eks.Model.UpdateStatus.Failed or Aws.Eks.Model.UpdateStatus.Cancelled:
                    var errors = string.Join("; ", (update.Errors ?? []).Select(e => $"{e.ErrorCode}: {e.ErrorMessage}"));
                    throw new InvalidOperationException(
                        $"update {update.Id} of cluster {clusterName} {what} is {update.Status}{(errors.Length == 0 ? "" : ": " + errors)} — see aws eks describe-update --name {clusterName} --update-id {update.Id}");
            }

            if (_context.Time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"update {update.Id} of cluster {clusterName} {what} is still {update.Status ?? "pending"} after {UpdateTimeout.TotalMinutes:0} minutes — check aws eks describe-update --name {clusterName} --update-id {update.Id}, then apply again");
            }

            await Task.Delay(PollDelays[Math.Min(poll, PollDelays.Length - 1)], _context.Time, cancellationToken);
            var described = await _clients.Eks.DescribeUpdateAsync(new DescribeUpdateRequest { Name = clusterName, UpdateId = update.Id }, cancellationToken);
            update = described.Update ?? update;
        }
    }

    private async Task<string> CreateAccessKeyAsync(CreateAccessKeyAction a, CancellationToken cancellationToken)
    {
        var created = await _clients.Iam.CreateAccessKeyAsync(new CreateAccessKeyRequest { UserName = a.UserName }, cancellationToken);
        var key = created.AccessKey ?? throw new InvalidOperationException($"CreateAccessKey for {a.UserName} returned no key");
        try
        {
            var path = await WriteAccessKeyAsync(key, a.UserName, cancellationToken);
            return $"; secret written to {path} (mode 0600) — hand it over through a secret store, then delete the file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The secret cannot be shown again: delete the key, so the next apply creates one it can write.
            await _clients.Iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest { UserName = a.UserName, AccessKeyId = key.AccessKeyId }, CancellationToken.None);
            throw new IOException($"cannot write the access key of {a.UserName} into {Path.GetFullPath(_context.SecretsDirectory)} ({ex.Message}); the key was deleted again — fix the directory and apply again", ex);
        }
    }

    private async Task<string> WriteAccessKeyAsync(AccessKey key, string userName, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["AccessKey"] = new JsonObject
            {
                ["UserName"] = key.UserName ?? userName,
                ["AccessKeyId"] = key.AccessKeyId,
                ["Status"] = key.Status,
                ["SecretAccessKey"] = key.SecretAccessKey,
                ["CreateDate"] = key.CreateDate?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            },
        };
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString(KeyJson) + "\n");
        Directory.CreateDirectory(_context.SecretsDirectory);
        var path = Path.Combine(_context.SecretsDirectory, $"{userName}.access-key.json");
        if (File.Exists(path))
        {
            // Never overwrite an earlier secret: it may be the only copy of a key still in use.
            path = Path.Combine(_context.SecretsDirectory, $"{userName}.access-key.{key.AccessKeyId}.json");
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(bytes, cancellationToken);
        return path;
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
