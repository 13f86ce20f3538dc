using System.CommandLine;
using EksAccess.Aws.Tokens;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess token --cluster NAME [--region R] [--role-arn ARN] [--session-name S] [--profile P] [--no-cache]</c>:
/// an ExecCredential exactly like <c>aws eks get-token</c>'s, cached on disk while at least 5 minutes of it remain.
/// Program.Main runs well-formed token invocations through <see cref="EksTokenProgram"/> before this parser is built
/// (kubectl starts the plugin on every call); this command serves <c>--help</c> and malformed input, and runs the same code.
/// </summary>
internal static class TokenCommand
{
    private static readonly Option<string> ClusterName = new("--cluster", "--cluster-name") { Description = "The EKS cluster name (signed into the token as x-k8s-aws-id); --cluster-name as in aws eks get-token.", Required = true };
    private static readonly Option<string?> Region = new("--region") { Description = "The cluster's region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)." };
    private static readonly Option<string?> RoleArn = new("--role-arn") { Description = "Assume this IAM role first; the token authenticates as its session." };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "The role session name (default EKSGetTokenAuth, as aws eks get-token)." };
    private static readonly Option<string?> Profile = new("--profile") { Description = "The AWS profile (default: AWS_PROFILE, then the default chain)." };
    private static readonly Option<string?> EndpointUrl = new("--endpoint-url") { Description = "Send STS AssumeRole to this endpoint (e.g. a local test server); the token still names the regional STS endpoint." };
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Neither read nor write ~/.kube/cache/eksaccess/tokens." };
    private static readonly Option<string> Output = new Option<string>("--output") { Description = "Only json (accepted for aws eks get-token compatibility).", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json");

    public static Command Create(CliContext context)
    {
        var command = new Command("token", "Print an ExecCredential for kubectl, like 'aws eks get-token' (cached while 5+ minutes of it remain).")
        {
            ClusterName, Region, RoleArn, SessionName, Profile, EndpointUrl, NoCache, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new EksTokenArguments(
                new EksTokenRequest
                {
                    ClusterName = parseResult.GetValue(ClusterName)!,
                    Region = parseResult.GetValue(Region),
                    RoleArn = parseResult.GetValue(RoleArn),
                    SessionName = parseResult.GetValue(SessionName),
                    NoCache = parseResult.GetValue(NoCache),
                },
                parseResult.GetValue(Profile),
                EndpointOption.Parse(parseResult.GetValue(EndpointUrl))),
            context,
            cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(EksTokenArguments arguments, CliContext context, CancellationToken cancellationToken) =>
        EksTokenProgram.RunAsync(arguments, context.Stdout, context.Stderr, Environment.GetEnvironmentVariable, context.Time, cancellationToken);
}
