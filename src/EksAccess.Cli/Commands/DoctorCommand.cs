using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws;
using EksAccess.Aws.Eks.Model;
using AuthenticationMode = EksAccess.Core.Identity.AuthenticationMode;
using EksAccess.Aws.Sts.Model;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess doctor --cluster NAME --region R [-o json]</c>: is this cluster ready for eksaccess, and am I? The caller
/// (GetCallerIdentity), the cluster (exists, ACTIVE, version, endpoint), its authentication mode, whether access entries
/// are usable, api/audit/authenticator logging, and whether the caller has a path to cluster-admin. Exit 0 all ok,
/// 1 a check fails, 4 AWS unreachable.
/// </summary>
internal static class DoctorCommand
{
    private static readonly string[] WantedLogs = [LogType.Api, LogType.Audit, LogType.Authenticator];

    private static readonly Option<string> ClusterOption = new("--cluster")
    {
        Description = "The EKS cluster name.",
        Required = true,
    };

    private static readonly AwsOptions Aws = new();

    private static readonly Option<string> OutputOption = new Option<string>("--output", "-o")
    {
        Description = "Output format: table or json.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check that a cluster and the caller are ready for eksaccess: identity, cluster, authentication mode, logging, admin path. Exit 0 ok, 1 a check fails, 4 AWS unreachable.");
        command.Options.Add(ClusterOption);
        Aws.AddTo(command);
        command.Options.Add(OutputOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new DoctorRequest(parseResult.GetRequiredValue(ClusterOption), Aws.Read(parseResult), parseResult.GetRequiredValue(OutputOption)),
            context,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(DoctorRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = AwsOptions.Settings(context, request.Aws, fallbackRegion: null);
        var clients = context.CreateAwsClients(settings);
        List<DoctorCheck> checks;
        try
        {
            checks = await CheckAsync(request.Cluster, clients, cancellationToken);
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, "doctor cannot reach AWS");
        }

        var ok = checks.TrueForAll(c => !string.Equals(c.Status, DoctorCheck.Fail, StringComparison.Ordinal));
        if (string.Equals(request.Output, "json", StringComparison.Ordinal))
        {
            StructuredOutput.Write(context.Stdout, "json", new JsonObject
            {
                ["cluster"] = request.Cluster,
                ["region"] = AwsClients.ResolveRegion(settings),
                ["ok"] = ok,
                ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["status"] = c.Status, ["detail"] = c.Detail })]),
            });
        }
        else
        {
            var table = new TextTable("CHECK", "STATUS", "DETAIL");
            foreach (var check in checks)
            {
                table.AddRow(check.Name, check.Status, check.Detail);
            }

            table.Write(context.Stdout);
        }

        return ok ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static async Task<List<DoctorCheck>> CheckAsync(string clusterName, AwsClients clients, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var callerTask = clients.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
        var clusterTask = clients.Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = clusterName }, cancellationToken);
        var caller = (await callerTask).Arn ?? "";
        checks.Add(new DoctorCheck("caller", DoctorCheck.Ok, caller));

        Cluster? cluster;
        try
        {
            cluster = (await clusterTask).Cluster;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "ResourceNotFoundException" || ex.ErrorCode.StartsWith("AccessDenied", StringComparison.Ordinal))
        {
            checks.Add(new DoctorCheck("cluster exists", DoctorCheck.Fail, $"{ex.ErrorCode}: {ex.AwsMessage} — {AwsFailures.Hint(ex)}"));
            return checks;
        }

        var observed = AwsStateReader.ToObserved(clusterName, cluster);
        checks.Add(new DoctorCheck("cluster exists", DoctorCheck.Ok, observed.Arn ?? clusterName));
        checks.Add(string.Equals(observed.Status, "ACTIVE", StringComparison.Ordinal)
            ? new DoctorCheck("cluster active", DoctorCheck.Ok, "ACTIVE")
            : new DoctorCheck("cluster active", DoctorCheck.Fail, $"{observed.Status ?? "unknown"} — wait until the cluster is ACTIVE"));
        checks.Add(new DoctorCheck("version", DoctorCheck.Info, $"{observed.Version ?? "unknown"} (platform {cluster?.PlatformVersion ?? "unknown"})"));
        checks.Add(new DoctorCheck("endpoint", DoctorCheck.Info, observed.Endpoint ?? "none"));
        var mode = observed.AuthenticationMode;
        checks.Add(mode is null
            ? new DoctorCheck("authentication mode", DoctorCheck.Unknown, cluster?.AccessConfig?.AuthenticationMode ?? "not reported")
            : new DoctorCheck("authentication mode", DoctorCheck.Info, mode.Value.ToWire()));
        checks.Add(mode switch
        {
            AuthenticationMode.ConfigMap => new DoctorCheck("access entries usable", DoctorCheck.Fail, "CONFIG_MAP mode has no access entries — set cluster.authenticationMode: API_AND_CONFIG_MAP in access.yaml and apply"),
            null => new DoctorCheck("access entries usable", DoctorCheck.Unknown, "authentication mode not reported"),
            _ => new DoctorCheck("access entries usable", DoctorCheck.Ok, $"yes ({mode.Value.ToWire()})"),
        });
        foreach (var log in WantedLogs)
        {
            checks.Add(observed.EnabledLogTypes.Contains(log, StringComparer.Ordinal)
                ? new DoctorCheck($"{log} logging", DoctorCheck.Ok, "enabled")
                : new DoctorCheck($"{log} logging", DoctorCheck.Fail, $"disabled — aws eks update-cluster-config --name {clusterName} --logging '{{\"clusterLogging\":[{{\"types\":[\"{log}\"],\"enabled\":true}}]}}'"));
        }

        checks.Add(await AdminPathAsync(clusterName, caller, mode, clients, cancellationToken));
        return checks;
    }

    private static async Task<DoctorCheck> AdminPathAsync(string clusterName, string caller, AuthenticationMode? mode, AwsClients clients, CancellationToken cancellationToken)
    {
        const string Name = "caller cluster-admin";
        const string AwsAuthUnknown = "unknown (aws-auth not readable without Kubernetes)";
        if (mode is null or AuthenticationMode.ConfigMap)
        {
            return new DoctorCheck(Name, DoctorCheck.Unknown, AwsAuthUnknown);
        }

        using var reader = new AwsStateReader(clients);
        var (_, entries) = await reader.ReadClusterAsync(clusterName, cancellationToken);
        var own = entries.Where(e => AwsPlanner.IsCaller(caller, e.PrincipalArn)).ToList();
        var admin = own.FirstOrDefault(e => e.AssociatedAccessPolicies.Any(AwsPlanner.IsClusterAdmin));
        if (admin is not null)
        {
            return new DoctorCheck(Name, DoctorCheck.Ok, $"yes: access entry {admin.PrincipalArn} with AmazonEKSClusterAdminPolicy (cluster scope)");
        }

        var found = own.Count == 0 ? "no access entry for the caller" : $"access entry {own[0].PrincipalArn} without AmazonEKSClusterAdminPolicy at cluster scope";
        return mode == AuthenticationMode.Api
            ? new DoctorCheck(Name, DoctorCheck.Fail, $"no: {found}, and API mode ignores aws-auth — add the caller under admins: in access.yaml")
            : new DoctorCheck(Name, DoctorCheck.Unknown, $"{found}; aws-auth may still map it: {AwsAuthUnknown}");
    }
}
