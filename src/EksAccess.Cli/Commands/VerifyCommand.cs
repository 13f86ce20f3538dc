using System.CommandLine;
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

        VerifyView.Write(context.Stdout, context.Stderr, request.Output, against, results);
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
        var against = $"cluster {config.Cluster.Name} (live)";
        VerifyView.WriteLive(context.Stdout, context.Stderr, request.Output, against, results);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Negative;
    }
}
