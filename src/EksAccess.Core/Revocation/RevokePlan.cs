using System.Collections.Immutable;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Revocation;

/// <summary>
/// What revoke will do (<see cref="AccessPathFinder.Plan"/>): the paths it found, the AWS calls that remove the removable
/// ones — the access entry before the aws-auth edit (<see cref="ClusterSteps"/>), group memberships and access keys after
/// it (<see cref="IamSteps"/>) — whether aws-auth is edited, and why not all of it may happen (<see cref="Refusal"/>).
/// </summary>
public sealed record RevokePlan
{
    public required string PrincipalArn { get; init; }

    public required ImmutableArray<AccessPath> Paths { get; init; }

    /// <summary>The access-entry deletions: made first, so the cluster stops admitting the principal through EKS.</summary>
    public ImmutableArray<AwsPlanStep> ClusterSteps { get; init; } = [];

    /// <summary>Group memberships removed and access keys deactivated (or deleted), after the aws-auth edit.</summary>
    public ImmutableArray<AwsPlanStep> IamSteps { get; init; } = [];

    /// <summary>Whether kube-system/aws-auth has a removable mapping of the principal (the edit is made with <see cref="EditAwsAuth"/> on the ConfigMap as read at write time).</summary>
    public bool EditsAwsAuth { get; init; }

    /// <summary>Why the revoke must not run; null when it may.</summary>
    public Refusal? Refusal { get; init; }

    public required RevokeOptions Options { get; init; }

    /// <summary>The observed cluster without the principal's access entry: what the cluster-admin check of the aws-auth edit judges.</summary>
    public required ClusterSnapshot WithoutAccessEntry { get; init; }

    /// <summary>The aws-auth edit that removes the principal's mappings from <paramref name="current"/>; with --force the last admin path may go.</summary>
    public AwsAuthEdit EditAwsAuth(ConfigMapObject? current)
    {
        var edit = AwsAuthMerge.Remove(current, PrincipalArn, Options.Force, WithoutAccessEntry with { AwsAuth = current });
        return Options.Force ? edit with { Reasons = [.. edit.Reasons.Where(r => r.Kind != RefusalKind.LastAdminPath)] } : edit;
    }
}
