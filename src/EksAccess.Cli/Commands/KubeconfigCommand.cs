using System.CommandLine;
using EksAccess.Aws;
using EksAccess.Cli.Kubeconfig;
using EksAccess.Core.Kubeconfig;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess kubeconfig --cluster NAME [--region R] [--role-arn ARN] [--alias A] [--user-alias U] [--namespace NS]
/// [--exec aws|eksaccess] [--kubeconfig FILE] [--profile P] [--endpoint-url U] [--dry-run]</c>: what
/// <c>aws eks update-kubeconfig</c> writes (server and CA from DescribeCluster, names from the cluster ARN), merged into
/// the existing file, plus the context's default namespace when asked.
/// </summary>
internal static class KubeconfigCommand
{
    private static readonly Option<string> Cluster = new("--cluster", "--name") { Description = "The EKS cluster name.", Required = true };
    private static readonly Option<string?> Region = new("--region") { Description = "The cluster's region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)." };
    private static readonly Option<string?> RoleArn = new("--role-arn") { Description = "Authenticate as this IAM role (the exec plugin assumes it for every token)." };
    private static readonly Option<string?> Alias = new("--alias") { Description = "The context name (default: the user name)." };
    private static readonly Option<string?> UserAlias = new("--user-alias") { Description = "The user name (default: the cluster ARN)." };
    private static readonly Option<string?> Namespace = new("--namespace", "-n") { Description = "The context's default namespace." };
    private static readonly Option<string> Exec = new Option<string>("--exec") { Description = "Which exec plugin mints tokens: aws (aws eks get-token, the default) or eksaccess (eksaccess token, cached).", DefaultValueFactory = _ => "aws" }.AcceptOnlyFromAmong("aws", "eksaccess");
    private static readonly Option<string?> ExecCommand = new("--exec-command") { Description = "With --exec eksaccess: the command to run (default eksaccess; e.g. eksaccess-token, the NativeAOT build, or an absolute path)." };
    private static readonly Option<string?> KubeconfigPath = new("--kubeconfig") { Description = "The file to write (default: KUBECONFIG's entry holding the cluster, else its first, else ~/.kube/config)." };
    private static readonly Option<string?> Profile = new("--profile") { Description = "The AWS profile (also written into the exec plugin's env as AWS_PROFILE)." };
    private static readonly Option<string?> EndpointUrl = new("--endpoint-url") { Description = "Call DescribeCluster at this endpoint (e.g. a local test server)." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the resulting kubeconfig instead of writing it." };

    public static Command Create(CliContext context)
    {
        var command = new Command("kubeconfig", "Write a kubeconfig entry for a cluster, like 'aws eks update-kubeconfig' (merged into the existing file).")
        {
            Cluster, Region, RoleArn, Alias, UserAlias, Namespace, Exec, ExecCommand, KubeconfigPath, Profile, EndpointUrl, DryRun,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetValue(Cluster)!,
                parseResult.GetValue(Region),
                parseResult.GetValue(RoleArn),
                parseResult.GetValue(Alias),
                parseResult.GetValue(UserAlias),
                parseResult.GetValue(Namespace),
                parseResult.GetValue(Exec)!,
                parseResult.GetValue(ExecCommand),
                parseResult.GetValue(KubeconfigPath),
                parseResult.GetValue(Profile),
                EndpointOption.Parse(parseResult.GetValue(EndpointUrl)),
                parseResult.GetValue(DryRun)),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(
        string Cluster, string? Region, string? RoleArn, string? Alias, string? UserAlias, string? Namespace,
        string Exec, string? ExecCommand, string? Kubeconfig, string? Profile, Uri? EndpointUrl, bool DryRun);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        Validate(request);
        var settings = new AwsClientSettings { Region = request.Region, Profile = request.Profile, EndpointUrl = request.EndpointUrl };
        var connection = await ClusterDescriber.DescribeAsync(settings, request.Cluster, cancellationToken).ConfigureAwait(false);
        var profile = string.IsNullOrWhiteSpace(request.Profile) ? NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")) : request.Profile;
        var entry = BuildEntry(connection, request.Cluster, request.RoleArn, profile, request.Exec, request.ExecCommand, request.Alias, request.UserAlias, request.Namespace);

        var path = KubeconfigFile.Choose(request.Kubeconfig, Environment.GetEnvironmentVariable("KUBECONFIG"), Home(), connection.Arn);
        var existing = KubeconfigFile.Read(path);
        string merged;
        try
        {
            merged = KubeconfigMerger.Merge(existing, path, entry);
        }
        catch (FormatException ex)
        {
            throw new InputException(ex.Message, ex);
        }

        if (request.DryRun)
        {
            await context.Stdout.WriteAsync(merged).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var updating = existing is not null && KubeconfigMerger.HasCluster(existing, connection.Arn);
        KubeconfigFile.Write(path, merged);
        await context.Stdout.WriteLineAsync(updating
            ? $"Updated context {entry.ContextName} in {path}"
            : $"Added new context {entry.ContextName} to {path}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    internal static KubeconfigEntry BuildEntry(
        ClusterConnection connection, string clusterName, string? roleArn, string? profile, string exec, string? execCommand,
        string? alias, string? userAlias, string? @namespace)
    {
        var plugin = string.Equals(exec, "eksaccess", StringComparison.Ordinal)
            ? KubeconfigExec.ForEksaccess(connection.Region, clusterName, roleArn, profile, execCommand ?? KubeconfigExec.EksaccessCommand)
            : KubeconfigExec.ForAwsCli(connection.Region, clusterName, roleArn, profile);
        return KubeconfigEntry.Create(connection.Arn, connection.Endpoint, connection.CertificateAuthorityData, plugin, alias, userAlias, @namespace);
    }

    private static void Validate(Request request)
    {
        if (request.RoleArn is not null && !Core.Identity.IamPrincipalArn.TryParse(request.RoleArn, out _, out var error))
        {
            throw new InputException($"--role-arn '{request.RoleArn}': {error}");
        }

        if (request.ExecCommand is not null && !string.Equals(request.Exec, "eksaccess", StringComparison.Ordinal))
        {
            throw new InputException("--exec-command only applies to --exec eksaccess");
        }
    }

    private static string? Home() => NonEmpty(Environment.GetEnvironmentVariable("HOME")) ?? NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
