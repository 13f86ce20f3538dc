using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Core.Evaluation;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess who-can VERB TYPE [NAME]</c>: every IAM principal, user, group and service account that may.</summary>
internal static class WhoCanCommand
{
    private static readonly Argument<string> Verb = new("VERB") { Description = "get, list, create, delete, …" };
    private static readonly Argument<string> Type = new("TYPE") { Description = "Resource (pods, deployments.apps), TYPE/NAME, or a /non-resource/path." };
    private static readonly Argument<string?> Name = new("NAME") { Arity = ArgumentArity.ZeroOrOne, Description = "Object name." };
    private static readonly Option<string?> Namespace = new("--namespace", "-n") { Description = "Namespace of the request; without it the request is cluster-scoped." };
    private static readonly Option<bool> AllNamespaces = new("--all-namespaces", "-A") { Description = "Ask for all namespaces." };
    private static readonly Option<string?> Subresource = new("--subresource") { Description = "Subresource, e.g. log, exec." };
    private static readonly Option<string?> ApiGroup = new("--api-group") { Description = "API group of TYPE (\"\" is core)." };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("who-can", "List every IAM principal, user, group and service account that may perform an action, with the path that grants it.")
        {
            Verb, Type, Name, Namespace, AllNamespaces, Subresource, ApiGroup, Snapshot, File, NoDefaultRoles, Output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var args = new List<string> { parseResult.GetValue(Verb)!, parseResult.GetValue(Type)! };
            AddIf(args, null, parseResult.GetValue(Name));
            AddIf(args, "--namespace", parseResult.GetValue(Namespace));
            AddIf(args, "--subresource", parseResult.GetValue(Subresource));
            if (parseResult.GetResult(ApiGroup) is not null)
            {
                args.AddRange(["--api-group", parseResult.GetValue(ApiGroup) ?? ""]);
            }

            if (parseResult.GetValue(AllNamespaces))
            {
                args.Add("--all-namespaces");
            }

            return RunAsync(
                new Request(args, parseResult.GetValue(Snapshot), parseResult.GetValue(File), !parseResult.GetValue(NoDefaultRoles), parseResult.GetValue(Output)),
                context,
                cancellationToken);
        });
        return command;
    }

    internal sealed record Request(IReadOnlyList<string> QueryArgs, string? Snapshot, string? File, bool IncludeDefaultRoles, OutputFormat Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!CanIQueryParser.TryParse(request.QueryArgs, out var query, out var error))
        {
            throw new InputException(error);
        }

        var model = ModelLoader.Load(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr);
        var built = RequestBuilder.Build(query, model.Resources, RequestMode.SubjectAccessReview);
        foreach (var warning in built.Warnings)
        {
            await context.Stderr.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        var entries = WhoCan.Find(model, built.Request);
        WhoCanView.Write(context.Stdout, request.Output, built.Request, entries);
        return ExitCodes.Success;
    }

    private static void AddIf(List<string> args, string? flag, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (flag is not null)
        {
            args.Add(flag);
        }

        args.Add(value);
    }
}
