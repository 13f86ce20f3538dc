using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Cli.Verification;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Verification;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess verify -f access.yaml [--snapshot DIR | --live [--kubeconfig F] [--context C] [--profile P] [--region R]]</c>:
/// runs the config's tests: against the state the config would create, against a snapshot, or against the live
/// cluster, where each check is also asked of the cluster with a SubjectAccessReview and printed beside the offline
/// prediction. Exit 0 all pass, 1 any fail (live: or any disagreement between model and cluster), 3 bad input, 4
/// AWS/Kubernetes failure.
/// </summary>
internal static class VerifyCommand
{
    private static readonly Option<string> File = GlobalOptions.CreateFile();
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");
    private static readonly AwsOptions Aws = new("The AWS region of the EKS calls (default: the config's cluster.region).");
    private static readonly KubernetesOptions Kubernetes = new();

    private static readonly Option<string?> At = AtOption.Create();

    private static readonly Option<bool> Live = new("--live")
    {
        Description = "Run the tests against the live cluster: resolve each principal on the live access entries and aws-auth, and ask the cluster (SubjectAccessReview) beside the offline prediction.",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("verify", "Run the access config's tests: (allowed/denied checks) against the desired state, a snapshot, or the live cluster (--live).")
        {
            File, Snapshot, NoDefaultRoles, Output, Live, At,
        };
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var live = parseResult.GetValue(Live);
            if (!live)
            {
                // Offline, these would be ignored — and a user who gave them expects them to matter.
                Option[] liveOnly = [Aws.Profile, Aws.Region, Aws.EndpointUrl, Kubernetes.Kubeconfig, Kubernetes.Context];
                var given = liveOnly.Where(o => parseResult.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (given.Count > 0)
                {
                    throw new InputException($"{string.Join(", ", given)} {(given.Count == 1 ? "applies" : "apply")} only with --live — add --live to check the live cluster, or drop them");
                }
            }

            return RunAsync(
                new Request(parseResult.GetValue(File)!, parseResult.GetValue(Snapshot), !parseResult.GetValue(NoDefaultRoles), parseResult.GetValue(Output))
                {
                    Live = live,
                    At = AtOption.Parse(parseResult.GetValue(At), context.Time),
                    Connection = new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                },
                context,
                cancellationToken);
        });
        return command;
    }

    internal sealed record Request(string File, string? Snapshot, bool IncludeDefaultRoles, OutputFormat Output)
    {
        public bool Live { get; init; }

        /// <summary>--at: check the state the config creates at that instant (expired items absent); null: as written.</summary>
        public DateTimeOffset? At { get; init; }

        public ConnectionOptions Connection { get; init; } = ConnectionOptions.Default;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Live)
        {
            if (request.Snapshot is not null)
            {
                throw new InputException("--live and --snapshot are two different answers — give one of them");
            }

            if (request.At is not null)
            {
                throw new InputException("--at checks the state the config creates at that time; the live cluster answers only for now — drop --live or --at");
            }

            return await RunLiveAsync(request, context, cancellationToken);
        }

        if (request.At is not null && request.Snapshot is not null)
        {
            throw new InputException("--at checks the state the config creates at that time — drop --snapshot (a snapshot is the cluster as it is)");
        }

        var config = ConfigLoader.LoadValid(request.File);
        var model = request.Snapshot is null
            ? AccessModel.Build(DesiredState.Build(request.At is { } at ? ConfigExpiry.At(config, at).Current : config), request.IncludeDefaultRoles)
            : ModelLoader.Load(request.Snapshot, configPath: null, request.IncludeDefaultRoles, context.Stderr);
        var results = AccessTestRunner.Run(config, model);
        var failed = results.Count(r => !r.Passed);
        var against = request.Snapshot is null ? $"the state {request.File} creates" : $"snapshot {request.Snapshot}";

        if (request.Output.IsStructured())
        {
            var data = new JsonObject
            {
                ["against"] = against,
                ["passed"] = results.Length - failed,
                ["failed"] = failed,
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)ResultJson(r))]),
            };
            StructuredOutput.Write(context.Stdout, request.Output, data);
        }
        else
        {
            var table = new TextTable("RESULT", "AS", "CHECK", "EXPECTED", "ACTUAL", "WHY");
            foreach (var r in results)
            {
                table.AddRow(r.Passed ? "pass" : "FAIL", r.As, r.Check.Text, Word(r.ExpectedAllowed), Word(r.ActualAllowed), r.Explanation);
            }

            table.Write(context.Stdout);
            await context.Stdout.WriteLineAsync($"{results.Length - failed} passed, {failed} failed against {against}").ConfigureAwait(false);
        }

        foreach (var r in results.Where(r => !r.Passed))
        {
            await context.Stderr.WriteLineAsync($"{r.Check.Location}: {r.As} should be {(r.ExpectedAllowed ? "allowed" : "denied")} to '{r.Check.Text}' but is {(r.ActualAllowed ? "allowed" : "denied")} — {r.Explanation}").ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static async Task<int> RunLiveAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.LoadValid(request.File);
        var aws = await LiveAwsState.ReadAsync(context, request.Connection.Aws, config.Cluster.Name, config.Cluster.Region, cancellationToken);
        System.Collections.Immutable.ImmutableArray<LiveCheckResult> results;
        try
        {
            var client = context.CreateKubernetesClient(request.Connection.Kubernetes);
            try
            {
                var live = LiveAwsState.Combine(await client.ReadSnapshotAsync(cancellationToken), aws);
                var model = AccessModel.Build(live, request.IncludeDefaultRoles);
                results = await LiveVerifier.RunAsync(config, model, client, cancellationToken);
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, "verify --live cannot ask the cluster");
        }

        var failed = results.Count(r => !r.Passed);
        var drift = results.Count(r => r.Drift);
        var against = $"cluster {config.Cluster.Name} (live)";
        if (request.Output.IsStructured())
        {
            StructuredOutput.Write(context.Stdout, request.Output, new JsonObject
            {
                ["against"] = against,
                ["passed"] = results.Length - failed,
                ["failed"] = failed,
                ["drift"] = drift,
                ["results"] = new JsonArray([.. results.Select(r =>
                {
                    var json = ResultJson(r.Offline);
                    json["offline"] = Word(r.Offline.ActualAllowed);
                    json["live"] = LiveWord(r);
                    json["subjectAccessReview"] = r.LiveReview is { } review ? Word(review) : null;
                    json["subjectAccessReviewPredicted"] = Word(r.PredictedReview);
                    json["liveReason"] = r.LiveReason;
                    json["drift"] = r.Drift;
                    json["passed"] = r.Passed;
                    return (JsonNode)json;
                })]),
            });
        }
        else
        {
            var table = new TextTable("RESULT", "AS", "CHECK", "EXPECTED", "OFFLINE", "LIVE", "WHY");
            foreach (var r in results)
            {
                var result = r.Drift ? "DRIFT" : r.Passed ? "pass" : "FAIL";
                table.AddRow(result, r.Offline.As, r.Offline.Check.Text, Word(r.Offline.ExpectedAllowed), Word(r.Offline.ActualAllowed), LiveWord(r), r.Offline.Explanation);
            }

            table.Write(context.Stdout);
            await context.Stdout.WriteLineAsync($"{results.Length - failed} passed, {failed} failed ({drift} disagreeing with the model) against {against}").ConfigureAwait(false);
        }

        foreach (var r in results.Where(r => !r.Passed))
        {
            var check = r.Offline;
            var why = r.Drift
                ? $"the cluster answers {Word(r.LiveReview!.Value)} where the model predicts {Word(r.PredictedReview)} for user {check.Identity}{(r.LiveReason.Length == 0 ? "" : $" ({r.LiveReason})")} — the cluster has RBAC the snapshot does not show, or the model is wrong"
                : $"it is {(r.LiveAllowed ? "allowed" : "denied")} live — {check.Explanation}";
            await context.Stderr.WriteLineAsync($"{check.Check.Location}: {check.As} should be {(check.ExpectedAllowed ? "allowed" : "denied")} to '{check.Check.Text}': {why}").ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static JsonObject ResultJson(TestCheckResult r) => new()
    {
        ["as"] = r.As,
        ["username"] = r.Identity,
        ["check"] = r.Check.Text,
        ["location"] = r.Check.Location.ToString(),
        ["expected"] = Word(r.ExpectedAllowed),
        ["actual"] = Word(r.ActualAllowed),
        ["passed"] = r.Passed,
        ["explanation"] = r.Explanation,
    };

    private static string LiveWord(LiveCheckResult r) => r.LiveReview switch
    {
        null => "deny (not authenticated)",
        _ when r.AllowedByAccessPolicy && !r.LiveReview.Value => "allow (access policy; SAR: deny)",
        var review => Word(review.Value),
    };

    private static string Word(bool allowed) => allowed ? "allow" : "deny";
}
