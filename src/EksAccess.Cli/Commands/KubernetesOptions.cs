using System.CommandLine;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Commands;

/// <summary>
/// The connection options every Kubernetes command shares, as kubectl spells them: --kubeconfig, --context. Each
/// command makes its own instance (an option belongs to one command) and adds it with <see cref="AddTo"/>.
/// </summary>
internal sealed class KubernetesOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then the in-cluster service account).",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: its current-context).",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
    }

    /// <summary>The context's defaults, with --kubeconfig and --context when given.</summary>
    public KubernetesConnectionOptions Read(ParseResult parseResult, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var defaults = context.KubernetesDefaults;
        return defaults with
        {
            Kubeconfig = parseResult.GetValue(Kubeconfig) ?? defaults.Kubeconfig,
            Context = parseResult.GetValue(Context) ?? defaults.Context,
        };
    }

    /// <summary>Whether the user named a cluster explicitly (then a missing kubeconfig is an error, not a reason to skip).</summary>
    public static bool IsExplicit(KubernetesConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kubeconfig is not null || options.Context is not null;
    }
}
