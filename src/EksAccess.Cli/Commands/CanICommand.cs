using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess can-i VERB TYPE[/NAME] [NAME]</c>: kubectl auth can-i, answered offline from a snapshot. Prints yes/no;
/// exit 0 yes, 1 no, 3 bad input.
/// </summary>
internal static class CanICommand
{
    private static readonly Argument<string?> Verb = new("VERB") { Arity = ArgumentArity.ZeroOrOne, Description = "get, list, create, delete, '*', …" };
    private static readonly Argument<string?> Type = new("TYPE") { Arity = ArgumentArity.ZeroOrOne, Description = "Resource (pods, deployments.apps, '*'), TYPE/NAME, or a /non-resource/path." };
    private static readonly Argument<string?> Name = new("NAME") { Arity = ArgumentArity.ZeroOrOne, Description = "Object name." };
    private static readonly Option<string?> Namespace = new("--namespace", "-n") { Description = "Namespace of the request; without it the request is cluster-scoped." };
    private static readonly Option<bool> AllNamespaces = new("--all-namespaces", "-A") { Description = "Ask for all namespaces (namespace \"\")." };
    private static readonly Option<string?> Subresource = new("--subresource") { Description = "Subresource, e.g. log, exec, scale." };
    private static readonly Option<string?> ApiGroup = new("--api-group") { Description = "API group of TYPE (\"\" is core); overrides the built-in resource table." };
    private static readonly Option<string?> As = new("--as") { Description = "Kubernetes username to impersonate (RBAC only, like kubectl --as)." };
    private static readonly Option<string[]> AsGroup = new("--as-group") { Description = "Group to impersonate; repeat for several.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> AsArn = new("--as-arn") { Description = "IAM principal ARN: authenticate it as EKS would, then authorize (access policies included)." };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "Session name when --as-arn is a role (default EKSGetTokenAuth)." };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<bool> Explain = new("--explain") { Description = "Also print which binding → role → rule, or access policy, decided." };
    private static readonly Option<bool> List = new("--list") { Description = "List every rule the subject has in the namespace (like kubectl auth can-i --list)." };
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml (with --list).");

    public static Command Create(CliContext context)
    {
        var command = new Command("can-i", "Check whether a subject may perform an action, as kubectl auth can-i, offline.")
        {
            Verb, Type, Name, Namespace, AllNamespaces, Subresource, ApiGroup, As, AsGroup, AsArn, SessionName, Snapshot, File, NoDefaultRoles, Explain, List, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetValue(Verb),
                parseResult.GetValue(Type),
                parseResult.GetValue(Name),
                parseResult.GetValue(Namespace),
                parseResult.GetValue(AllNamespaces),
                parseResult.GetValue(Subresource),
                parseResult.GetResult(ApiGroup) is null ? null : parseResult.GetValue(ApiGroup) ?? "",
                parseResult.GetValue(As),
                [.. parseResult.GetValue(AsGroup) ?? []],
                parseResult.GetValue(AsArn),
                parseResult.GetValue(SessionName),
                parseResult.GetValue(Snapshot),
                parseResult.GetValue(File),
                !parseResult.GetValue(NoDefaultRoles),
                parseResult.GetValue(Explain),
                parseResult.GetValue(List))
            {
                Output = parseResult.GetValue(Output),
            },
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(
        string? Verb,
        string? Type,
        string? Name,
        string? Namespace,
        bool AllNamespaces,
        string? Subresource,
        string? ApiGroup,
        string? As,
        ImmutableArray<string> AsGroups,
        string? AsArn,
        string? SessionName,
        string? Snapshot,
        string? File,
        bool IncludeDefaultRoles,
        bool Explain,
        bool List)
    {
        /// <summary>-o table|json|yaml for --list (a yes/no answer is always one word).</summary>
        public OutputFormat Output { get; init; }
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValidateSubjectOptions(request);
        var query = request.List ? null : ParseQuery(request);
        var model = ModelLoader.Load(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr);
        var subject = ResolveSubject(request, model, context.Stderr);
        if (request.List)
        {
            ListRules(request, model, subject, context.Stdout);
            return ExitCodes.Success;
        }

        if (subject is null)
        {
            await context.Stdout.WriteLineAsync("no").ConfigureAwait(false);
            return ExitCodes.Negative;
        }

        var built = RequestBuilder.Build(query!, model.Resources, RequestMode.SubjectAccessReview);
        foreach (var warning in built.Warnings)
        {
            await context.Stderr.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        var decision = model.Authorizer.Authorize(subject, built.Request);
        await context.Stdout.WriteLineAsync(decision.Allowed ? "yes" : "no").ConfigureAwait(false);
        if (request.Explain)
        {
            await context.Stdout.WriteLineAsync($"request: {built.Request} as user \"{subject.User.Name}\" groups [{string.Join(' ', subject.User.Groups)}]").ConfigureAwait(false);
            await context.Stdout.WriteLineAsync(decision.Explain()).ConfigureAwait(false);
            foreach (var note in decision.Notes)
            {
                await context.Stdout.WriteLineAsync($"note: {note}").ConfigureAwait(false);
            }
        }

        return decision.Allowed ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static void ValidateSubjectOptions(Request request)
    {
        if (request.AsArn is not null && (request.As is not null || request.AsGroups.Length > 0))
        {
            throw new InputException("--as-arn cannot be combined with --as/--as-group — use one way to name the subject");
        }

        if (request.AsArn is null && request.As is null)
        {
            throw new InputException(request.AsGroups.Length > 0
                ? "--as-group needs --as USER (kubectl: impersonating groups requires impersonating a user)"
                : "who is asking? give --as USER [--as-group G]… or --as-arn ARN (offline there is no caller identity)");
        }

        if (request.AsArn is not null && !IamPrincipalArn.TryParse(request.AsArn, out _, out var arnError))
        {
            throw new InputException($"--as-arn '{request.AsArn}': {arnError}");
        }
    }

    private static CanIQuery ParseQuery(Request request)
    {
        if (request.Verb is null || request.Type is null)
        {
            throw new InputException("can-i needs VERB and TYPE (e.g. 'can-i create pods -n dev-apps' or 'can-i get /healthz'), or --list");
        }

        if (!CanIQueryParser.TryCreate(
            request.Verb, request.Type, request.Name, request.Namespace, request.AllNamespaces, request.Subresource, request.ApiGroup, out var query, out var error))
        {
            throw new InputException(error);
        }

        return query;
    }

    /// <summary>The subject to authorize; null when --as-arn names a principal EKS would reject (then everything is denied).</summary>
    private static AuthorizationSubject? ResolveSubject(Request request, AccessModel model, TextWriter stderr)
    {
        if (request.As is not null)
        {
            // Impersonation is RBAC-only on EKS: access policies follow the IAM principal, not the username.
            return new AuthorizationSubject(Impersonation.BuildUser(request.As, request.AsGroups), []);
        }

        var resolution = model.Identities.Resolve(request.AsArn!, request.SessionName);
        if (resolution is IdentityResolution.Mapped mapped)
        {
            return new AuthorizationSubject(new UserInfo(mapped.Username, mapped.Groups), mapped.Entry?.AssociatedAccessPolicies ?? []);
        }

        stderr.WriteLine($"note: {string.Join(" — ", [((IdentityResolution.Rejected)resolution).Reason, .. resolution.Notes])}");
        return null;
    }

    private static void ListRules(Request request, AccessModel model, AuthorizationSubject? subject, TextWriter stdout)
    {
        var @namespace = request.AllNamespaces ? "" : request.Namespace ?? "";
        var rules = subject is null ? [] : RuleLister.List(model, subject, @namespace);
        CanIView.WriteRules(stdout, request.Output, @namespace, rules);
    }
}
