namespace EksAccess.Cli.Planning;

/// <summary>Every plan target in execution order (AWS first: Kubernetes access depends on IAM and access entries). One line each.</summary>
internal static class PlanTargetCatalog
{
    public static IReadOnlyList<Func<CliContext, IPlanTarget>> Factories { get; } =
    [
        context => new AwsPlanTarget(context),
        context => new KubernetesPlanTarget(context),
    ];
}
