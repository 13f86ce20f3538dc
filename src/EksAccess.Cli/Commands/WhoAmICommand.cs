using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess whoami --as-arn ARN</c>: which Kubernetes user and groups EKS gives an IAM principal, and through which mapping.</summary>
internal static class WhoAmICommand
{
    private static readonly Option<string?> AsArn = new("--as-arn") { Description = "The IAM principal: an ARN (user, role or assumed-role session), or with -f a user or role name the config defines." };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "Session name when --as-arn is a role (default EKSGetTokenAuth, as 'aws eks update-kubeconfig --role-arn' tokens use)." };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("whoami", "Show the Kubernetes username and groups an IAM principal gets, and through which mapping.")
        {
            AsArn, SessionName, Snapshot, File, NoDefaultRoles, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetValue(AsArn), parseResult.GetValue(SessionName), parseResult.GetValue(Snapshot), parseResult.GetValue(File), parseResult.GetValue(Output))
            {
                IncludeDefaultRoles = !parseResult.GetValue(NoDefaultRoles),
            },
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(string? AsArn, string? SessionName, string? Snapshot, string? File, OutputFormat Output)
    {
        public bool IncludeDefaultRoles { get; init; } = true;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.AsArn is null)
        {
            throw new InputException("whoami needs --as-arn ARN (finding the caller from AWS credentials is not available offline)");
        }

        var (model, config) = ModelLoader.LoadWithConfig(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr);
        var principalArn = PrincipalArgument.Resolve(request.AsArn, "--as-arn", config);
        var resolution = model.Identities.Resolve(principalArn, request.SessionName);
        if (resolution is IdentityResolution.Rejected rejected)
        {
            // A negative answer, like can-i's "no": on stdout with exit 1, not an error.
            WriteRejected(context.Stdout, request.Output, principalArn, rejected);
            return ExitCodes.Negative;
        }

        var mapped = (IdentityResolution.Mapped)resolution;
        var policies = mapped.Entry?.AssociatedAccessPolicies ?? [];
        if (request.Output.IsStructured())
        {
            var data = new JsonObject
            {
                ["principalArn"] = principalArn,
                ["authenticated"] = true,
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

    private static void WriteRejected(TextWriter stdout, OutputFormat output, string principalArn, IdentityResolution.Rejected rejected)
    {
        if (output.IsStructured())
        {
            StructuredOutput.Write(stdout, output, new JsonObject
            {
                ["principalArn"] = principalArn,
                ["authenticated"] = false,
                ["reason"] = rejected.Reason,
                ["notes"] = new JsonArray([.. rejected.Notes.Select(n => (JsonNode)n)]),
            });
            return;
        }

        // One line, as the contract says: the notes (e.g. a rolearn written with a path) follow the reason.
        stdout.WriteLine($"EKS would reject {principalArn}: {string.Join(" — ", [rejected.Reason, .. rejected.Notes])}");
    }

    internal static string Describe(AssociatedAccessPolicy policy)
    {
        var name = policy.PolicyArn[(policy.PolicyArn.LastIndexOf('/') + 1)..];
        return policy.AccessScope.IsCluster
            ? $"{name} (cluster)"
            : $"{name} (namespaces: {string.Join(", ", policy.AccessScope.Namespaces)})";
    }
}
