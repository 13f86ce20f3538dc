using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Expiry;
using EksAccess.Core.Identity;
using EksAccess.Core.Text;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess grant --principal ARN (--policy NAME --scope cluster|namespace:NS[,NS…] | --group G) --for DURATION --reason TEXT
/// [--cluster C] [--max 12h] [--force] [-f access.yaml] [--dry-run]</c>: break-glass access that ends by itself. Creates or
/// extends the principal's access entry and association (<see cref="GrantPlanner"/>), recording the expiry, reason and
/// caller in tags that <c>eksaccess prune</c> reads; prints the command that ends it early. Exit 0 granted (or nothing
/// to grant), 3 bad input or a refused grant (longer than --max or maxGrantDuration without --force, or one that cannot
/// carry an expiry), 4 AWS failure.
/// </summary>
internal static class GrantCommand
{
    /// <summary>eksaccess grant, as parsed.</summary>
    internal sealed record Request(string Principal, string? Policy, string? Scope, string? Group, string For, string Reason, string? Cluster, ConnectionOptions Connection, OutputFormat Output)
    {
        public string Max { get; init; } = "12h";

        public bool Force { get; init; }

        public bool DryRun { get; init; }

        /// <summary>An access config whose cluster.maxGrantDuration caps the grant; null: no cap but --max.</summary>
        public string? File { get; init; }
    }

    private static readonly Option<string> Principal = new("--principal") { Description = "The IAM user or role ARN to grant to.", Required = true };
    private static readonly Option<string?> Policy = new("--policy") { Description = "The EKS access policy (AmazonEKSViewPolicy, … or its ARN); needs --scope." };
    private static readonly Option<string?> Scope = new("--scope") { Description = "cluster, or namespace:NS[,NS…] (the access policy's scope)." };
    private static readonly Option<string?> Group = new("--group") { Description = "A Kubernetes group to add instead of an access policy." };
    private static readonly Option<string> For = new("--for") { Description = "How long: 30m, 2h, 1h30m, …", Required = true };
    private static readonly Option<string> Reason = new("--reason") { Description = "Why (kept in the eksaccess.io/reason tag, e.g. an incident id).", Required = true };
    private static readonly Option<string?> Cluster = new("--cluster") { Description = "The EKS cluster name (default: the only cluster in the region)." };
    private static readonly Option<string> Max = new("--max") { Description = "The longest grant allowed without --force.", DefaultValueFactory = _ => "12h" };
    private static readonly Option<bool> Force = new("--force") { Description = "Grant longer than --max or cluster.maxGrantDuration." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Show what would be done; change nothing." };
    private static readonly Option<string?> File = new("--filename", "-f") { Description = "An access config whose cluster.maxGrantDuration caps the grant." };
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");
    private static readonly AwsOptions Aws = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("grant", "Break-glass: access that ends by itself (tagged for eksaccess prune). Exit 0 granted, 3 refused or invalid, 4 AWS failure.")
        {
            Principal, Policy, Scope, Group, For, Reason, Cluster, Max, Force, DryRun, File, Output,
        };
        Aws.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetRequiredValue(Principal),
                parseResult.GetValue(Policy),
                parseResult.GetValue(Scope),
                parseResult.GetValue(Group),
                parseResult.GetRequiredValue(For),
                parseResult.GetRequiredValue(Reason),
                parseResult.GetValue(Cluster),
                new ConnectionOptions { Aws = Aws.Read(parseResult) },
                parseResult.GetValue(Output))
            {
                Max = parseResult.GetRequiredValue(Max),
                Force = parseResult.GetValue(Force),
                DryRun = parseResult.GetValue(DryRun),
                File = parseResult.GetValue(File),
            },
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var principal = RevokeCommand.PrincipalArn(request.Principal);
        var (policy, scope) = What(request, principal);
        var duration = Duration("--for", request.For);
        var max = Duration("--max", request.Max);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new InputException("--reason is empty — say why (an incident or ticket id), it is kept on the access entry");
        }

        var config = request.File is null ? null : ConfigLoader.LoadValid(request.File);
        var aws = context.CreateAwsAccess(AwsOptions.Settings(context, request.Connection.Aws, config?.Cluster.Region));
        var now = context.Time.GetUtcNow();
        try
        {
            var cluster = request.Cluster ?? config?.Cluster.Name ?? await OnlyCluster.FindAsync(aws, cancellationToken);
            var described = await aws.DescribeClusterAsync(cluster, cancellationToken);
            if (described.AuthenticationMode == AuthenticationMode.ConfigMap)
            {
                throw new InputException($"cluster {cluster} is in CONFIG_MAP mode: grant records expiry on access entries — switch it to API_AND_CONFIG_MAP (access.yaml cluster.authenticationMode) and grant again");
            }

            var caller = await aws.ReadCallerArnAsync(cancellationToken);
            var entries = await aws.ReadAccessEntriesAsync(cluster, cancellationToken);
            var existing = entries.FirstOrDefault(e => string.Equals(e.PrincipalArn, principal, StringComparison.Ordinal));
            var plan = GrantPlanner.Plan(
                new GrantRequest(cluster, principal, duration, request.Reason, now)
                {
                    PolicyArn = policy,
                    Scope = scope,
                    Group = request.Group,
                    CallerArn = caller,
                    Max = max,
                    ClusterMax = config?.Cluster.MaxGrantDuration,
                    Force = request.Force,
                },
                existing);
            if (plan.Refusal is { } refusal)
            {
                throw new InputException($"refusing to grant to {principal}: {refusal.Message}");
            }

            if (!request.DryRun && !plan.Steps.IsEmpty)
            {
                var executor = new AwsPlanExecutor(aws, new PlanContext(Force: false, DryRun: false, context.Stderr, context.BackupDirectoryFor(cluster, null), context.Time), concurrency: 1);
                await executor.ExecuteAsync(plan.Steps, cancellationToken);
            }

            await GrantView.WriteAsync(context.Stdout, request.Output, new GrantView.Result(principal, cluster, request.DryRun, plan));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, $"grant to {principal}");
        }
    }

    private static (string? Policy, AccessScope? Scope) What(Request request, string principal)
    {
        if ((request.Policy is null) == (request.Group is null))
        {
            throw new InputException("give exactly one of --policy NAME (with --scope) or --group G");
        }

        if (request.Group is { } group)
        {
            if (request.Scope is not null)
            {
                throw new InputException("--scope goes with --policy; a --group is bound by the cluster's RBAC, not scoped by EKS");
            }

            if (group.Length == 0 || group.StartsWith("system:", StringComparison.Ordinal))
            {
                throw new InputException($"--group '{group}': EKS refuses access-entry groups that start with system: (docs/reference/eks-semantics.md §b) — grant --policy AmazonEKSClusterAdminPolicy --scope cluster for admin access");
            }

            return (null, null);
        }

        if (request.Scope is null)
        {
            throw new InputException("--policy needs --scope cluster or --scope namespace:NS[,NS…]");
        }

        var partition = IamPrincipalArn.Parse(principal).Partition;
        return (PrincipalResolver.AccessPolicyArn(partition, request.Policy!), ParseScope(request.Scope));
    }

    internal static AccessScope ParseScope(string text)
    {
        if (string.Equals(text, AccessScope.ClusterType, StringComparison.Ordinal))
        {
            return AccessScope.Cluster;
        }

        const string Prefix = AccessScope.NamespaceType + ":";
        var namespaces = text.StartsWith(Prefix, StringComparison.Ordinal)
            ? text[Prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        if (namespaces.Length == 0)
        {
            throw new InputException($"--scope {text}: use 'cluster' or 'namespace:NS[,NS…]', e.g. --scope namespace:dev-apps,dev-jobs");
        }

        return new AccessScope(AccessScope.NamespaceType, [.. namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static TimeSpan Duration(string option, string text) =>
        DurationText.TryParse(text, out var value)
            ? value
            : throw new InputException($"{option} {text}: not a duration — write a number and a unit (d, h, m, s), e.g. {option} 2h or 1h30m");
}
