using EksAccess.Kubernetes;

namespace EksAccess.Cli;

/// <summary>Turns Kubernetes adapter failures into the CLI's exceptions: API failures exit 4, configuration and refusals exit 3.</summary>
internal static class KubernetesFailures
{
    public static bool IsKubernetesFailure(Exception exception) =>
        exception is KubernetesApiException or KubernetesConfigurationException or AwsAuthRefusedException;

    public static EksAccessException ToCli(Exception exception, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lead = prefix is null ? "" : prefix + ": ";
        return exception switch
        {
            KubernetesConfigurationException config => new InputException($"{lead}Kubernetes configuration: {config.Message}", config),
            AwsAuthRefusedException refused => new InputException($"{lead}{refused.Message}", refused),
            KubernetesApiException api => new RemoteException($"{lead}Kubernetes {api.Message} — {Hint(api)}", api),
            _ => new RemoteException(lead + exception.Message, exception),
        };
    }

    private static string Hint(KubernetesApiException exception) => exception.Reason switch
    {
        "Forbidden" => "the kubeconfig's identity may not do this: use a context with more rights (--context), or grant them",
        "Unauthorized" => "the kubeconfig's credentials were refused: refresh them (aws eks update-kubeconfig, or another --context)",
        _ when exception.StatusCode is null => "the API server could not be reached: check --kubeconfig/--context and the network",
        _ when exception.IsFieldManagerConflict => "see above; nothing else was changed by this call",
        _ => "fix the cause and run again; what was applied stays and a re-run converges",
    };
}
