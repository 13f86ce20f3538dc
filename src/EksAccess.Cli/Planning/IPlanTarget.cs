using EksAccess.Core.Config;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Planning;

/// <summary>
/// One side of plan/apply ("aws" or "kubernetes"): reads the live state the config concerns, plans, and executes a
/// plan. Implementations live with their adapter; <see cref="PlanTargetCatalog"/> lists them in execution order.
/// </summary>
internal interface IPlanTarget
{
    string Name { get; }

    Task<Plan> PlanAsync(AccessConfig config, PlanContext context, CancellationToken cancellationToken);

    /// <summary>Executes the plan's changes in order; returns how many were applied. Throws RemoteException on a failure (what ran stays applied; a re-run converges).</summary>
    Task<int> ApplyAsync(AccessConfig config, Plan plan, PlanContext context, CancellationToken cancellationToken);
}
