using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>
/// What <see cref="KubernetesPlanner.Plan"/> decided: the plan's Kubernetes changes and warnings, the aws-auth edit
/// behind its aws-auth change (null when aws-auth is not touched), and the reasons a change must not be made at all
/// (<see cref="Refusals"/>: apply must stop before writing anything).
/// </summary>
public sealed record KubernetesPlanResult(Plan Plan, AwsAuthEdit? AwsAuth, ImmutableArray<string> Refusals)
{
    public bool IsRefused => !Refusals.IsEmpty;
}
