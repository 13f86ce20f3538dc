using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// The <c>automation:</c> section: eksaccess running unattended in the cluster (deploy/kubernetes). Names the
/// ServiceAccount the job runs as, the IAM role it assumes (IRSA or EKS Pod Identity) and which commands it runs;
/// <c>render --format iam</c> turns it into the role's least-privilege policy (<see cref="Rendering.AutomationPolicy"/>).
/// </summary>
public sealed record AutomationConfig
{
    public const string DefaultNamespace = "eksaccess";
    public const string DefaultServiceAccount = "eksaccess";
    public const string DefaultRoleName = "eksaccess-automation";

    public string Namespace { get; init; } = DefaultNamespace;
    public string ServiceAccount { get; init; } = DefaultServiceAccount;
    public string RoleName { get; init; } = DefaultRoleName;

    /// <summary>The commands the job runs (<see cref="AutomationCommands.All"/>), in config order without repeats.</summary>
    public ImmutableArray<string> Commands { get; init; } = AutomationCommands.All;

    public SourceLocation Location { get; init; }
}
