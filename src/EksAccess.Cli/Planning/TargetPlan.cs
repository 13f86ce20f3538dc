using EksAccess.Core.Planning;

namespace EksAccess.Cli.Planning;

/// <summary>One target and the plan it made.</summary>
internal sealed record TargetPlan(IPlanTarget Target, Plan Plan);
