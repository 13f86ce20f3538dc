using System.Collections.Immutable;
using EksAccess.Core.Tokens;

namespace EksAccess.Core.Kubeconfig;

/// <summary>A kubeconfig user's <c>exec</c> credential plugin: what kubectl runs to get a token.</summary>
public sealed record KubeconfigExec(string ApiVersion, string Command, ImmutableArray<string> Args, ImmutableArray<KeyValuePair<string, string>> Env)
{
    /// <summary>The command name <see cref="ForEksaccess"/> writes by default.</summary>
    public const string EksaccessCommand = "eksaccess";

    /// <summary>
    /// What <c>aws eks update-kubeconfig</c> writes (docs/reference/eks-semantics.md §g): <c>aws --region R eks get-token --cluster-name C
    /// --output json [--role X]</c>, with <c>AWS_PROFILE</c> in env when a profile is in use.
    /// </summary>
    public static KubeconfigExec ForAwsCli(string region, string clusterName, string? roleArn, string? profile)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(clusterName);
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange("--region", region, "eks", "get-token", "--cluster-name", clusterName, "--output", "json");
        if (roleArn is not null)
        {
            args.AddRange("--role", roleArn);
        }

        return new KubeconfigExec(ExecCredential.DefaultApiVersion, "aws", args.ToImmutable(), ProfileEnv(profile));
    }

    /// <summary><c>eksaccess token --cluster-name C --region R [--role-arn X]</c> (or <paramref name="command"/>, e.g. the NativeAOT <c>eksaccess-token</c>).</summary>
    public static KubeconfigExec ForEksaccess(string region, string clusterName, string? roleArn, string? profile, string command = EksaccessCommand)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange("token", "--cluster-name", clusterName, "--region", region);
        if (roleArn is not null)
        {
            args.AddRange("--role-arn", roleArn);
        }

        return new KubeconfigExec(ExecCredential.DefaultApiVersion, command, args.ToImmutable(), ProfileEnv(profile));
    }

    private static ImmutableArray<KeyValuePair<string, string>> ProfileEnv(string? profile) =>
        string.IsNullOrEmpty(profile) ? [] : [new KeyValuePair<string, string>("AWS_PROFILE", profile)];
}
