using System.CommandLine;

namespace EksAccess.Cli.Commands;

/// <summary>Options shared by several commands. Each command adds the ones it uses.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print stack traces and extra diagnostics on errors.",
        Recursive = true,
    };

    public static Option<string> CreateFile() => new("--filename", "-f")
    {
        Description = "The access config (access.yaml).",
        Required = true,
    };

    public static Option<string?> CreateSnapshot() => new("--snapshot")
    {
        Description = "A snapshot directory (cluster.json, access-entries.json, Kubernetes objects as kubectl prints them).",
    };

    /// <summary>-f for commands that can also run against a snapshot: optional there.</summary>
    public static Option<string?> CreateOptionalFile() => new("--filename", "-f")
    {
        Description = "An access config (access.yaml): evaluate the state it would create.",
    };

    public static Option<bool> CreateNoDefaultRoles() => new("--no-default-roles")
    {
        Description = "Do not add the Kubernetes bootstrap ClusterRoles and ClusterRoleBindings every real cluster has.",
    };
}
