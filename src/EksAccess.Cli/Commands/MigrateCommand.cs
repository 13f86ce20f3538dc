using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Audit;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess migrate (--snapshot DIR | --cluster C) [--target-mode API_AND_CONFIG_MAP|API] [--audit-file F]… [-o table|json|yaml]
/// [--write-config F] [--apply [--auto-approve]]</c>: aws-auth → access entries, mapping by mapping, with a proof that nobody
/// gains or loses access (docs/decisions/migrate.md). Exit 0 equivalent (or every difference accepted with --accept),
/// 1 differences found (nothing applied), 3 bad input, 4 AWS/Kubernetes failure.
/// </summary>
internal static class MigrateCommand
{
    internal sealed record Request(string? Snapshot, string? Cluster, ConnectionOptions Connection, AuthenticationMode? TargetMode, OutputFormat Output)
    {
        public IReadOnlyList<string> AuditFiles { get; init; } = [];

        public IReadOnlyList<string> Accept { get; init; } = [];

        public IReadOnlyList<string> AssumeRoleIn { get; init; } = [];

        public string? WriteConfig { get; init; }

        public bool Apply { get; init; }

        public bool AutoApprove { get; init; }

        public string? BackupDir { get; init; }
    }

    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> Cluster = new("--cluster") { Description = "The EKS cluster name: read aws-auth, the access entries and the mode live, and resolve every mapped principal in IAM." };

    private static readonly Option<string?> TargetMode = new("--target-mode")
    {
        Description = "The authentication mode to reach: API_AND_CONFIG_MAP (default; aws-auth stays active) or API (aws-auth becomes inert).",
    };

    private static readonly Option<string[]> AuditFiles = new("--audit-file") { Description = "Kubernetes audit or authenticator log file (JSON lines; repeatable): its principals join the proof, and show who mapAccounts admits." };
    private static readonly Option<string[]> Accept = new("--accept") { Description = "A principal ARN whose reported differences are accepted (repeatable): --apply then goes on." };
    private static readonly Option<string[]> AssumeRoleIn = new("--assume-role-in") { Description = "ACCOUNT=ROLE_ARN: read IAM of that account through this role (repeatable); a mapping of another account without one is not resolvable." };
    private static readonly Option<string?> WriteConfig = new("--write-config") { Description = "Write an access config (accessMethod accessEntries) that manages the planned entries; an existing file is updated." };
    private static readonly Option<bool> ApplyOption = new("--apply") { Description = "Create the entries (mode CONFIG_MAP → API_AND_CONFIG_MAP first), re-proving after each, then switch to --target-mode API when proven." };
    private static readonly Option<bool> AutoApprove = new("--auto-approve") { Description = "Do not ask before --apply changes the cluster." };
    private static readonly Option<string?> BackupDir = PlanTargetOptions.CreateBackupDir();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json (entries in access-entries.json shape) or yaml.");
    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Move aws-auth to access entries with a proof that nobody gains or loses access. Exit 0 equivalent, 1 differences.")
        {
            Snapshot, Cluster, TargetMode, AuditFiles, Accept, AssumeRoleIn, WriteConfig, ApplyOption, AutoApprove, BackupDir, Output,
        };
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetValue(Snapshot),
                parseResult.GetValue(Cluster),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                TargetModeOf(parseResult.GetValue(TargetMode)),
                parseResult.GetValue(Output))
            {
                AuditFiles = parseResult.GetValue(AuditFiles) ?? [],
                Accept = parseResult.GetValue(Accept) ?? [],
                AssumeRoleIn = parseResult.GetValue(AssumeRoleIn) ?? [],
                WriteConfig = parseResult.GetValue(WriteConfig),
                Apply = parseResult.GetValue(ApplyOption),
                AutoApprove = parseResult.GetValue(AutoApprove),
                BackupDir = parseResult.GetValue(BackupDir),
            },
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        Validate(request);
        var accepted = request.Accept.Select(AcceptedArn).ToImmutableArray();
        var assumeRoles = MigrateLookups.ParseAssumeRoles(request.AssumeRoleIn);
        var observed = await ObservedPrincipalsAsync(request.AuditFiles, context, cancellationToken);
        if (request.Snapshot is not null)
        {
            var snapshot = ReadSnapshot(request.Snapshot, context);
            var offline = Plan(snapshot, request, lookups: null, observed, accepted);
            return await FinishAsync(offline, request, context);
        }

        var cluster = request.Cluster!;
        var aws = context.CreateAwsAccess(AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null));
        IKubernetesClusterClient? kubernetes = null;
        try
        {
            kubernetes = context.CreateKubernetesClient(request.Connection.Kubernetes);
            var live = await ReadLiveAsync(cluster, request, kubernetes, context, cancellationToken);
            var lookups = await MigrateLookups.ResolveAsync(live, aws, assumeRoles, request.Connection.Aws, context, cancellationToken);
            var result = Plan(live, request, lookups, observed, accepted);
            var exit = await FinishAsync(result, request, context);
            if (!request.Apply)
            {
                return exit;
            }

            if (!result.Proof.Proceed)
            {
                await context.Stderr.WriteLineAsync("migrate: the proof found differences: nothing applied — fix them, or list the principals whose differences you accept with --accept ARN");
                return ExitCodes.Negative;
            }

            var apply = new MigrateApply(cluster, aws, kubernetes, context, request.BackupDir, token => ReadLiveAsync(cluster, request, kubernetes, context, token));
            return await apply.RunAsync(result, request.AutoApprove, cancellationToken);
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, $"migrate cluster {cluster}");
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, $"migrate cluster {cluster}");
        }
        finally
        {
            (kubernetes as IDisposable)?.Dispose();
        }
    }

    private static AuthenticationMode? TargetModeOf(string? value) =>
        value is null ? null
        : AuthenticationModes.TryParse(value, out var mode) ? mode
        : throw new InputException($"--target-mode {value}: give {AuthenticationModes.ApiAndConfigMapValue} or {AuthenticationModes.ApiValue} (the EKS API's values)");

    private static void Validate(Request request)
    {
        if ((request.Snapshot is null) == (request.Cluster is null))
        {
            throw new InputException("migrate needs one state: --snapshot DIR (offline: plan and proof only) or --cluster NAME (live: IAM resolution, --apply)");
        }

        if (request.Apply && request.Cluster is null)
        {
            throw new InputException("--apply changes a live cluster: give --cluster NAME instead of --snapshot");
        }

        if (request.AutoApprove && !request.Apply)
        {
            throw new InputException("--auto-approve only goes with --apply");
        }
    }

    private static string AcceptedArn(string text) =>
        IamPrincipalArn.TryParse(text, out var arn, out var error)
            ? arn.Kind == IamPrincipalKind.AssumedRole ? arn.Canonicalize().Value : arn.Value
            : throw new InputException($"--accept {text}: {error} — give the principal ARN a difference is reported for");

    private static MigrationResult Plan(ClusterSnapshot snapshot, Request request, IReadOnlyDictionary<string, PrincipalLookup>? lookups, ImmutableArray<string> observed, ImmutableArray<string> accepted)
    {
        var from = snapshot.AuthenticationMode;
        var target = request.TargetMode ?? (from == AuthenticationMode.Api ? AuthenticationMode.Api : AuthenticationMode.ApiAndConfigMap);
        if (Migrator.RefuseTarget(from, target) is { } refusal)
        {
            throw new InputException(refusal);
        }

        return Migrator.Plan(new MigrationInput(snapshot, target) { Lookups = lookups, ObservedPrincipals = observed, Accepted = accepted });
    }

    private static async Task<int> FinishAsync(MigrationResult result, Request request, CliContext context)
    {
        MigrateView.Write(context.Stdout, request.Output, result);
        if (request.WriteConfig is not null)
        {
            var written = MigrateConfigWriter.Write(request.WriteConfig, result);
            await context.Stderr.WriteLineAsync($"migrate: {written}");
        }

        return result.Proof.Proceed ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static ClusterSnapshot ReadSnapshot(string directory, CliContext context)
    {
        var loaded = SnapshotDirectory.Read(directory);
        foreach (var warning in loaded.Warnings)
        {
            context.Stderr.WriteLine($"warning: {warning}");
        }

        if (loaded.Snapshot.Cluster is null)
        {
            context.Stderr.WriteLine($"note: the snapshot has no cluster.json: assuming authentication mode {loaded.Snapshot.AuthenticationMode.ToWire()} — add cluster.json (aws eks describe-cluster) to use the cluster's own");
        }

        if (loaded.Snapshot.AwsAuth is null)
        {
            context.Stderr.WriteLine("note: the snapshot has no kube-system/aws-auth ConfigMap: there is nothing to migrate");
        }

        return loaded.Snapshot;
    }

    private static async Task<ClusterSnapshot> ReadLiveAsync(string cluster, Request request, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var aws = LiveAwsState.ReadAsync(context, request.Connection.Aws, cluster, region: null, cancellationToken);
        var objects = kubernetes.ReadSnapshotAsync(cancellationToken);
        await Task.WhenAll(aws, objects);
        return LiveAwsState.Combine(await objects, await aws);
    }

    /// <summary>Every principal the audit and authenticator files show (their canonical ARNs).</summary>
    private static async Task<ImmutableArray<string>> ObservedPrincipalsAsync(IReadOnlyList<string> files, CliContext context, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var sink = new PrincipalSink();
        await AuditSources.ReadFilesAsync(files, sink, _ => { }, cancellationToken);
        foreach (var warning in sink.Warnings.Take(5))
        {
            await context.Stderr.WriteLineAsync($"warning: {warning}");
        }

        return [.. sink.Principals.Order(StringComparer.Ordinal)];
    }

    private sealed class PrincipalSink : IAuditSink
    {
        public HashSet<string> Principals { get; } = new(StringComparer.Ordinal);

        public List<string> Warnings { get; } = [];

        public void Event(AuditEvent auditEvent)
        {
            if (auditEvent.PrincipalArn is { } arn)
            {
                Principals.Add(arn);
            }
        }

        public void Login(AuthenticatorLogin login) => Principals.Add(login.PrincipalArn);

        public void Warning(string message) => Warnings.Add(message);
    }
}
