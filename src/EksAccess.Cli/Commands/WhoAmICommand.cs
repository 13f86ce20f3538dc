using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Core.Identity;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess whoami --as-arn ARN</c>: which Kubernetes user and groups EKS gives an IAM principal, and through which mapping.</summary>
internal static class WhoAmICommand
{
    private static readonly Option<string?> AsArn = new("--as-arn") { Description = "The IAM principal ARN (user, role or assumed-role session)." };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "Session name when --as-arn is a role (default EKSGetTokenAuth, as 'aws eks update-kubeconfig --role-arn' tokens use)." };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<string> Output = GlobalOptions.CreateOutputFormat();

    public static Command Create(CliContext context)
    {
        var command = new Command("whoami", "Show the Kubernetes username and groups an IAM principal gets, and through which mapping.")
        {
            AsArn, SessionName, Snapshot, File, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetValue(AsArn), parseResult.GetValue(SessionName), parseResult.GetValue(Snapshot), parseResult.GetValue(File), parseResult.GetValue(Output)!),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(string? AsArn, string? SessionName, string? Snapshot, string? File, string Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.AsArn is null)
        {
            throw new InputException("whoami needs --as-arn ARN (finding the caller from AWS credentials is not available offline)");
        }

        if (!IamPrincipalArn.TryParse(request.AsArn, out _, out var arnError))
        {
            throw new InputException($"--as-arn '{request.AsArn}': {arnError}");
        }

        var model = ModelLoader.Load(request.Snapshot, request.File, includeDefaultRoles: true, context.Stderr);
        var resolution = model.Identities.Resolve(request.AsArn, request.SessionName);
        if (resolution is IdentityResolution.Rejected rejected)
        {
            // One line, as the contract says: the notes (e.g. a rolearn written with a path) follow the reason.
            await context.Stderr.WriteLineAsync($"error: {string.Join(" — ", [rejected.Reason, .. rejected.Notes])}").ConfigureAwait(false);
            return ExitCodes.Negative;
        }

        var mapped = (IdentityResolution.Mapped)resolution;
        var policies = mapped.Entry?.AssociatedAccessPolicies ?? [];
        if (StructuredOutput.IsStructured(request.Output))
        {
            var data = new JsonObject
            {
                ["principalArn"] = request.AsArn,
                ["username"] = mapped.Username,
                ["groups"] = new JsonArray([.. mapped.Groups.Select(g => (JsonNode)g)]),
                ["source"] = mapped.Source,
                ["matchedBy"] = mapped.MatchedBy,
                ["accessPolicies"] = new JsonArray([.. policies.Select(p => (JsonNode)new JsonObject
                {
                    ["policyArn"] = p.PolicyArn,
                    ["accessScope"] = new JsonObject
                    {
                        ["type"] = p.AccessScope.Type,
                        ["namespaces"] = new JsonArray([.. p.AccessScope.Namespaces.Select(n => (JsonNode)n)]),
                    },
                })]),
                ["notes"] = new JsonArray([.. mapped.Notes.Select(n => (JsonNode)n)]),
            };
            StructuredOutput.Write(context.Stdout, request.Output, data);
            return ExitCodes.Success;
        }

        var table = new TextTable("ATTRIBUTE", "VALUE");
        table.AddRow("Username", mapped.Username);
        table.AddRow("Groups", "[" + string.Join(' ', mapped.Groups) + "]");
        table.AddRow("Source", mapped.Source);
        table.AddRow("Mapped by", mapped.MatchedBy);
        foreach (var policy in policies)
        {
            table.AddRow("Access policy", Describe(policy));
        }

        foreach (var note in mapped.Notes)
        {
            table.AddRow("Note", note);
        }

        table.Write(context.Stdout);
        return ExitCodes.Success;
    }

    internal static string Describe(AssociatedAccessPolicy policy)
    {
        var name = policy.PolicyArn[(policy.PolicyArn.LastIndexOf('/') + 1)..];
        return policy.AccessScope.IsCluster
            ? $"{name} (cluster)"
            : $"{name} (namespaces: {string.Join(", ", policy.AccessScope.Namespaces)})";
    }
}
