using System.CommandLine;
using System.Text;
using System.Text.Json;
using EksAccess.Aws;
using EksAccess.Cli.Kubeconfig;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Kubeconfig;
using EksAccess.Core.Onboarding;
using EksAccess.Core.Rendering;
using EksAccess.Core.Text;
using EksAccess.Core.Authentication;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess onboard -f access.yaml --principal NAME_OR_ARN --output-dir DIR [--snapshot DIR] [--exec aws|eksaccess]</c>:
/// a developer's bundle — <c>kubeconfig</c> and <c>README.md</c> (commands to run, Kubernetes user and groups, what they
/// may and may not do per namespace, the config's tests: for them). Offline by default: the cluster's server and CA
/// come from <c>--api-server-url</c>/<c>--cluster-ca-file</c>, else the snapshot's cluster.json, else DescribeCluster
/// when <c>--describe</c> is given, else they are written as clearly marked placeholders.
/// </summary>
internal static class OnboardCommand
{
    public const string ServerPlaceholder = "https://REPLACE-WITH-CLUSTER-ENDPOINT.invalid";
    /// <summary>Valid base64 (kubectl decodes the field when it loads the file), visibly a placeholder.</summary>
    public const string CertificatePlaceholder = "REPLACE/WITH/THE/CLUSTER/CA/DATA";

    private static readonly Option<string> File = GlobalOptions.CreateFile();
    private static readonly Option<string> Principal = new("--principal") { Description = "The developer: a config user or role name, or an IAM ARN.", Required = true };
    private static readonly Option<string> OutputDirectory = new("--output-dir", "-d") { Description = "The directory to write the bundle into.", Required = true };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<string?> Region = new("--region") { Description = "With --describe: the cluster's region (default: the config's cluster.region)." };
    private static readonly Option<string> Exec = new Option<string>("--exec") { Description = "Token plugin in the kubeconfig: aws (default) or eksaccess.", DefaultValueFactory = _ => "aws" }.AcceptOnlyFromAmong("aws", "eksaccess");
    private static readonly Option<string?> ExecCommand = new("--exec-command") { Description = "With --exec eksaccess: the command to run (default eksaccess)." };
    private static readonly Option<string?> ClusterEndpoint = new("--api-server-url", "--cluster-endpoint") { Description = "The cluster's Kubernetes API server URL (describe-cluster's cluster.endpoint)." };
    private static readonly Option<string?> ClusterCaFile = new("--cluster-ca-file") { Description = "The cluster's CA: a PEM file, or a file holding describe-cluster's base64 certificateAuthority.data." };
    private static readonly Option<bool> Describe = new("--describe") { Description = "Call EKS DescribeCluster (with your AWS credentials) for the server and CA." };
    private static readonly Option<string?> Profile = new("--profile") { Description = "With --describe: the AWS profile." };
    private static readonly Option<string?> EndpointUrl = new("--eks-endpoint-url", "--endpoint-url") { Description = "With --describe: the EKS API endpoint to call DescribeCluster at (e.g. a local test server)." };

    public static Command Create(CliContext context)
    {
        var command = new Command("onboard", "Write a developer's bundle: kubeconfig and README (commands, identity, what they may do).")
        {
            File, Principal, OutputDirectory, Snapshot, NoDefaultRoles, Exec, ExecCommand, ClusterEndpoint, ClusterCaFile, Describe, Region, Profile, EndpointUrl,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetValue(File)!,
                parseResult.GetValue(Principal)!,
                parseResult.GetValue(OutputDirectory)!,
                parseResult.GetValue(Snapshot),
                parseResult.GetValue(Exec)!,
                parseResult.GetValue(ExecCommand),
                parseResult.GetValue(ClusterEndpoint),
                parseResult.GetValue(ClusterCaFile),
                parseResult.GetValue(Describe),
                parseResult.GetValue(Profile),
                EndpointOption.Parse(parseResult.GetValue(EndpointUrl)))
            {
                IncludeDefaultRoles = !parseResult.GetValue(NoDefaultRoles),
                Region = parseResult.GetValue(Region),
            },
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(
        string File, string Principal, string OutputDirectory, string? Snapshot, string Exec, string? ExecCommand,
        string? ClusterEndpoint, string? ClusterCaFile, bool Describe, string? Profile, Uri? EndpointUrl)
    {
        public bool IncludeDefaultRoles { get; init; } = true;

        public string? Region { get; init; }
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.ExecCommand is not null && !string.Equals(request.Exec, "eksaccess", StringComparison.Ordinal))
        {
            throw new InputException("--exec-command only applies to --exec eksaccess");
        }

        if (!request.Describe && (request.Profile is not null || request.Region is not null || request.EndpointUrl is not null))
        {
            // They only shape the DescribeCluster call; accepting them silently would suggest they changed the bundle.
            throw new InputException("--profile, --region and --eks-endpoint-url only apply with --describe (which calls EKS DescribeCluster)");
        }

        var config = ConfigLoader.LoadValid(request.File);
        var model = request.Snapshot is null
            ? AccessModel.Build(DesiredState.Build(config), request.IncludeDefaultRoles)
            : ModelLoader.Load(request.Snapshot, configPath: null, request.IncludeDefaultRoles, context.Stderr);

        OnboardingGuide guide;
        try
        {
            guide = OnboardingGuideBuilder.Build(config, model, request.Principal);
        }
        catch (ArgumentException ex)
        {
            var known = OnboardingGuideBuilder.KnownPrincipals(config);
            throw new InputException(
                $"--principal {Echo.Quote(request.Principal)}: {ex.Message.Split(" (Parameter", 2)[0]} — use a name from {request.File} ({string.Join(", ", known)}) or an IAM ARN",
                ex);
        }

        var (server, certificate, source) = await ConnectionAsync(request, config.Cluster.Name, request.Region ?? config.Cluster.Region, cancellationToken).ConfigureAwait(false);
        var profile = request.Describe ? request.Profile : null;
        var connection = new ClusterConnection(config.Cluster.Name, config.Cluster.ClusterArn, config.Cluster.Region, server, certificate);
        var entry = KubeconfigCommand.BuildEntry(
            connection, config.Cluster.Name, guide.RoleArn, profile, request.Exec, request.ExecCommand, guide.ContextName, userAlias: null, guide.DefaultNamespace);
        var placeholders = string.Equals(server, ServerPlaceholder, StringComparison.Ordinal) || string.Equals(certificate, CertificatePlaceholder, StringComparison.Ordinal);
        var against = request.Snapshot is null ? $"the state {Path.GetFileName(request.File)} creates" : $"snapshot {request.Snapshot}";
        var readme = OnboardingReadmeRenderer.Render(guide, request.Exec, placeholders, against);

        var (written, _) = await OutputDirectoryWriter.WriteAsync(
            request.OutputDirectory,
            [new RenderedFile("kubeconfig", KubeconfigMerger.Create(entry)), new RenderedFile("README.md", readme)],
            cancellationToken,
            privateFiles: new HashSet<string>(["kubeconfig"], StringComparer.Ordinal)).ConfigureAwait(false);

        foreach (var path in written)
        {
            await context.Stdout.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
        }

        await context.Stdout.WriteLineAsync($"cluster server and CA: {source}").ConfigureAwait(false);
        if (guide.Identity is IdentityResolution.Mapped mapped)
        {
            var via = guide.RoleArn is null ? "" : $" (as {guide.RoleArn})";
            await context.Stdout.WriteLineAsync($"{guide.Principal}{via} → Kubernetes user {mapped.Username}, groups [{string.Join(' ', mapped.Groups)}]").ConfigureAwait(false);
            var failed = guide.Tests.Count(t => !t.Passed);
            if (failed > 0)
            {
                await context.Stderr.WriteLineAsync($"warning: {failed} of the config's tests for {guide.Principal} fail (see README.md)").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var reason = guide.Identity is IdentityResolution.Rejected rejected ? rejected.Reason : "not mapped";
        await context.Stderr.WriteLineAsync($"error: EKS would reject {guide.Principal}: {reason} (the bundle says so; add the principal to {request.File})").ConfigureAwait(false);
        return ExitCodes.Negative;
    }

    private static async Task<(string Server, string Certificate, string Source)> ConnectionAsync(Request request, string clusterName, string region, CancellationToken cancellationToken)
    {
        string? server = request.ClusterEndpoint;
        string? certificate = request.ClusterCaFile is null ? null : ReadCertificate(request.ClusterCaFile);
        var serverSource = server is null ? null : "--api-server-url";
        var certificateSource = certificate is null ? null : "--cluster-ca-file";
        if ((server is null || certificate is null) && request.Snapshot is not null)
        {
            var (snapshotServer, snapshotCertificate) = ReadSnapshotCluster(request.Snapshot);
            var from = $"snapshot {request.Snapshot}/cluster.json";
            (server, serverSource) = server is null && snapshotServer is not null ? (snapshotServer, from) : (server, serverSource);
            (certificate, certificateSource) = certificate is null && snapshotCertificate is not null ? (snapshotCertificate, from) : (certificate, certificateSource);
        }

        if ((server is null || certificate is null) && request.Describe)
        {
            var described = await ClusterDescriber.DescribeAsync(
                new AwsClientSettings { Region = region, Profile = request.Profile, EndpointUrl = request.EndpointUrl },
                clusterName,
                cancellationToken).ConfigureAwait(false);
            (server, serverSource) = server is null ? (described.Endpoint, "EKS DescribeCluster") : (server, serverSource);
            (certificate, certificateSource) = certificate is null ? (described.CertificateAuthorityData, "EKS DescribeCluster") : (certificate, certificateSource);
        }

        const string placeholder = "a placeholder (give --api-server-url/--cluster-ca-file, --snapshot with cluster.json, or --describe)";
        var source = string.Equals(serverSource, certificateSource, StringComparison.Ordinal)
            ? serverSource ?? placeholder
            : $"server from {serverSource ?? placeholder}, CA from {certificateSource ?? placeholder}";
        return (server ?? ServerPlaceholder, certificate ?? CertificatePlaceholder, source);
    }

    /// <summary>A PEM file is base64-encoded whole (as describe-cluster's data is); a file already holding that base64 is used as it is.</summary>
    private static string ReadCertificate(string path)
    {
        var text = ConfigLoader.ReadText(path).Trim();
        return text.Contains("-----BEGIN", StringComparison.Ordinal)
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text + "\n"))
            : text;
    }

    private static (string? Server, string? Certificate) ReadSnapshotCluster(string snapshot)
    {
        var path = Path.Combine(snapshot, "cluster.json");
        if (!System.IO.File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(ConfigLoader.ReadText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("cluster", out var cluster) || cluster.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var server = cluster.TryGetProperty("endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String ? endpoint.GetString() : null;
            var certificate = cluster.TryGetProperty("certificateAuthority", out var ca) && ca.ValueKind == JsonValueKind.Object
                && ca.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String
                    ? data.GetString()
                    : null;
            return (server, certificate);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts from 0 and names its own internals; say where, as every other file error does.
            var at = ex.LineNumber is { } line ? $"{path}:{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : path;
            throw new InputException($"{at}: cluster.json is not valid JSON — save the output of 'aws eks describe-cluster --name NAME' as cluster.json", ex);
        }
    }
}
