using System.Collections.Immutable;

namespace EksAccess.Core.Config;

public sealed record AccessConfig
{
    public const string ApiVersionValue = "eksaccess.io/v1alpha1";
    public const string KindValue = "AccessConfig";

    public required string SourceFile { get; init; }
    public required ClusterConfig Cluster { get; init; }
    public IamConfig Iam { get; init; } = new();
    public ImmutableArray<NamespaceConfig> Namespaces { get; init; } = [];
    public ImmutableArray<RoleTemplateConfig> Roles { get; init; } = [];
    public ImmutableArray<ClusterRoleConfig> ClusterRoles { get; init; } = [];
    public ImmutableArray<TeamConfig> Teams { get; init; } = [];
    public ImmutableArray<AdminConfig> Admins { get; init; } = [];
    public ImmutableArray<TestConfig> Tests { get; init; } = [];

    /// <summary>The <c>automation:</c> section; null when the config has none.</summary>
    public AutomationConfig? Automation { get; init; }
}
