using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Aws;
using EksAccess.Cli.Planning;
using EksAccess.Aws.Access;
using EksAccess.Cli.Output;
using EksAccess.Core.Planning;
using EksAccess.Core.Verification;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess doctor --cluster NAME --region R [-o table|json|yaml]</c>: is this cluster ready for eksaccess, and am I? The caller
/// (GetCallerIdentity), the cluster (exists, ACTIVE, version, endpoint), its authentication mode, whether access entries
/// are usable, api/audit/authenticator logging, and whether the caller has a path to cluster-admin. Exit 0 all ok,
/// 1 a check fails, 4 AWS unreachable.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>eksaccess doctor: the cluster, how to reach AWS, and the output format.</summary>
    internal sealed record Request(string Cluster, AwsConnectionOptions Aws, OutputFormat Output);

    private static readonly Option<string> Cluster = new("--cluster")
    {
        Description = "The EKS cluster name.",
        Required = true,
    };

    private static readonly AwsOptions Aws = new();

    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check that a cluster and the caller are ready for eksaccess: identity, cluster, authentication mode, logging, admin path. Exit 0 ok, 1 a check fails, 4 AWS unreachable.");
        command.Options.Add(Cluster);
        Aws.AddTo(command);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetRequiredValue(Cluster), Aws.Read(parseResult), parseResult.GetValue(Output)),
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = AwsOptions.Settings(context, request.Aws, fallbackRegion: null);
        var aws = context.CreateAwsAccess(settings);
        ImmutableArray<DoctorCheck> checks;
        try
        {
            checks = await CheckAsync(request.Cluster, aws, cancellationToken);
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, "doctor cannot reach AWS");
        }

        var ok = checks.All(c => c.Status != DoctorCheckStatus.Fail);
        DoctorView.Write(context.Stdout, request.Output, request.Cluster, aws.Region, checks);
        return ok ? ExitCodes.Success : ExitCodes.Negative;
    }

    /// <summary>Reads the caller, the cluster and (outside CONFIG_MAP mode) its access entries; <see cref="ClusterHealthChecks"/> judges them.</summary>
    private static async Task<ImmutableArray<DoctorCheck>> CheckAsync(string clusterName, IAwsAccessClient aws, CancellationToken cancellationToken)
    {
        var callerTask = aws.ReadCallerArnAsync(cancellationToken);
        var clusterTask = aws.DescribeClusterAsync(clusterName, cancellationToken);
        var caller = await callerTask;
        ObservedCluster cluster;
        try
        {
            cluster = await clusterTask;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "ResourceNotFoundException" || ex.ErrorCode.StartsWith("AccessDenied", StringComparison.Ordinal))
        {
            return ClusterHealthChecks.Unreadable(caller, $"{ex.ErrorCode}: {ex.AwsMessage} — {AwsFailures.Hint(ex)}");
        }

        var entries = ClusterHealthChecks.NeedsAccessEntries(cluster) ? await aws.ReadAccessEntriesAsync(clusterName, cancellationToken) : [];
        return ClusterHealthChecks.Check(clusterName, caller, cluster, entries);
    }
}
