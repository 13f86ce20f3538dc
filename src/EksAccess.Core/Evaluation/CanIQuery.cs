using System.Text;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// One <c>kubectl auth can-i</c> question, as typed: <c>VERB TYPE[/NAME] [NAME] [-n NS | -A] [--subresource S]</c>
/// or <c>VERB /PATH</c>. The resource is kept as typed (lower-cased, like kubectl): resolving it to a group and
/// resource is the resource catalog's job.
/// </summary>
public sealed record CanIQuery
{
    /// <summary>The verb as typed (get, list, create, '*', or a custom verb such as impersonate).</summary>
    public required string Verb { get; init; }

    /// <summary>A non-resource URL such as /healthz; null for resource requests.</summary>
    public string? Path { get; init; }

    /// <summary>The resource argument lower-cased: "pods", "deployments.apps", "deploy", "*". Empty for a path.</summary>
    public string ResourceArg { get; init; } = "";

    /// <summary>The resource name (from TYPE/NAME or the third argument); empty when none.</summary>
    public string Name { get; init; } = "";

    /// <summary>The namespace from -n/--namespace; empty when not given (cluster scope, or kubectl's default namespace).</summary>
    public string Namespace { get; init; } = "";

    /// <summary>-A/--all-namespaces.</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>--subresource (log, exec, scale, status, …); empty when none.</summary>
    public string Subresource { get; init; } = "";

    /// <summary>--api-group when given explicitly; null otherwise ("" is the core group).</summary>
    public string? ApiGroup { get; init; }

    public bool IsNonResource => Path is not null;

    /// <summary>The arguments in canonical kubectl form, e.g. <c>get pods web-0 -n dev --subresource log</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Verb);
        if (Path is not null)
        {
            return text.Append(' ').Append(Path).ToString();
        }

        text.Append(' ').Append(ResourceArg);
        if (Name.Length > 0)
        {
            text.Append(' ').Append(Name);
        }

        if (AllNamespaces)
        {
            text.Append(" -A");
        }
        else if (Namespace.Length > 0)
        {
            text.Append(" -n ").Append(Namespace);
        }

        if (Subresource.Length > 0)
        {
            text.Append(" --subresource ").Append(Subresource);
        }

        if (ApiGroup is not null)
        {
            text.Append(" --api-group ").Append(ApiGroup.Length == 0 ? "''" : ApiGroup);
        }

        return text.ToString();
    }
}
