using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Aws.Access;
using EksAccess.Aws.Files;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Planning;

/// <summary>
/// Executes the AWS half of a plan (or a revoke plan) through <see cref="IAwsAccessClient.ExecuteAsync"/>: phase by
/// phase (<see cref="PlannedChange.Order"/>), the changes of one phase concurrently within a bound; one progress line
/// per change on the progress writer. The adapter makes each call idempotent, so a re-run after a failure part-way
/// converges. A created access key is written to <c>USER.access-key.json</c> (mode 0600) and never printed.
/// </summary>
internal sealed class AwsPlanExecutor
{
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IAwsAccessClient _aws;
    private readonly PlanContext _context;
    private readonly int _concurrency;
    private readonly Lock _progress = new();
    private int _done;
    private int _total;

    public AwsPlanExecutor(IAwsAccessClient aws, PlanContext context, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _aws = aws;
        _context = context;
        _concurrency = concurrency;
    }

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

    /// <summary>Makes one call; returns a note for the progress line ("" usually). A created access key goes to its secret file.</summary>
    private async Task<string> ExecuteAsync(AwsAction action, CancellationToken cancellationToken)
    {
        var outcome = await _aws.ExecuteAsync(action, cancellationToken);
        if (outcome.AccessKey is not { } key)
        {
            return outcome.Note;
        }

        try
        {
            var path = await WriteAccessKeyAsync(key, cancellationToken);
            return $"; secret written to {path} (mode 0600) — hand it over through a secret store, then delete the file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The secret cannot be shown again: delete the key, so the next apply creates one it can write.
            await _aws.ExecuteAsync(new DeleteAccessKeyAction(key.UserName, key.AccessKeyId ?? ""), CancellationToken.None);
            throw new IOException($"cannot write the access key of {key.UserName} into {Path.GetFullPath(_context.SecretsDirectory)} ({ex.Message}); the key was deleted again — fix the directory and apply again", ex);
        }
    }

    private async Task<string> WriteAccessKeyAsync(CreatedAccessKey key, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["AccessKey"] = new JsonObject
            {
                ["UserName"] = key.UserName,
                ["AccessKeyId"] = key.AccessKeyId,
                ["Status"] = key.Status,
                ["SecretAccessKey"] = key.SecretAccessKey,
                ["CreateDate"] = key.CreateDate?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            },
        };
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString(KeyJson) + "\n");
        Directory.CreateDirectory(_context.SecretsDirectory);
        var path = Path.Combine(_context.SecretsDirectory, $"{key.UserName}.access-key.json");
        if (File.Exists(path))
        {
            // Never overwrite an earlier secret: it may be the only copy of a key still in use.
            path = Path.Combine(_context.SecretsDirectory, $"{key.UserName}.access-key.{key.AccessKeyId}.json");
        }

        await PrivateFile.CreateNewAsync(path, bytes, cancellationToken);
        return path;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
