namespace EksAccess.Core.Kubeconfig;

/// <summary>
/// One cluster/user/context triple as <c>aws eks update-kubeconfig</c> writes it (docs/reference/eks-semantics.md §g): the cluster named
/// by its ARN, the user by the ARN unless aliased, the context by the alias or else the user name.
/// </summary>
public sealed record KubeconfigEntry
{
    public required string ClusterName { get; init; }

    public required string Server { get; init; }

    public required string CertificateAuthorityData { get; init; }

    public required string UserName { get; init; }

    public required string ContextName { get; init; }

    public required KubeconfigExec Exec { get; init; }

    /// <summary>The context's default namespace (<c>kubectl config set-context … --namespace</c>); null for none.</summary>
    public string? Namespace { get; init; }

    public string? ProxyUrl { get; init; }

    public static KubeconfigEntry Create(string clusterArn, string server, string certificateAuthorityData, KubeconfigExec exec, string? alias = null, string? userAlias = null, string? @namespace = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterArn);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(certificateAuthorityData);
        ArgumentNullException.ThrowIfNull(exec);
        var user = string.IsNullOrEmpty(userAlias) ? clusterArn : userAlias;
        return new KubeconfigEntry
        {
            ClusterName = clusterArn,
            Server = server,
            CertificateAuthorityData = certificateAuthorityData,
            UserName = user,
            ContextName = string.IsNullOrEmpty(alias) ? user : alias,
            Exec = exec,
            Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace,
        };
    }
}
