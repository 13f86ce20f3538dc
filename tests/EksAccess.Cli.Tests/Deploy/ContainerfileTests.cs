namespace EksAccess.Cli.Tests.Deploy;

/// <summary>
/// deploy/Containerfile, checked by reading it (this machine has no container runtime to build it): the NativeAOT
/// publish script builds the binary, the final stage runs it as a non-root user, and its entrypoint is the program
/// the CronJobs run.
/// </summary>
public sealed class ContainerfileTests
{
    [Fact]
    public void FinalStage_RunsAsNumericNonRootUser()
    {
        var user = Containerfile.Read().User;

        var uid = user.Split(':')[0];
        int.TryParse(uid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id).ShouldBeTrue($"USER {user} must be numeric, so runAsNonRoot can check it");
        id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Build_PublishesWithTheAotScript_AndCopiesOnlyTheBinary()
    {
        var file = Containerfile.Read();

        file.All.ShouldContain(i => i.Instruction == "RUN" && i.Arguments.Contains("bench/publish-aot.sh", StringComparison.Ordinal));
        file.All.ShouldContain(i => i.Instruction == "RUN" && i.Arguments.Contains("clang", StringComparison.Ordinal) && i.Arguments.Contains("zlib1g-dev", StringComparison.Ordinal));
        var copies = file.FinalStage.Where(i => i.Instruction == "COPY").ToList();
        copies.ShouldHaveSingleItem().Arguments.ShouldBe($"--from=build /out/eksaccess {file.Entrypoint}");
        file.FinalStage.ShouldNotContain(i => i.Instruction == "RUN", "the final stage has no shell to run anything");
    }

    [Fact]
    public async Task Entrypoint_IsTheCommandOfEveryCronJob()
    {
        var entrypoint = Containerfile.Read().Entrypoint;
        var manifests = await DeployManifests.RenderAsync();

        var jobs = manifests.OfKind("CronJob").ToList();

        jobs.Count.ShouldBe(2);
        jobs.ShouldAllBe(job => DeployManifests.Strings(DeployManifests.Node(DeployManifests.Container(job), "command")).SequenceEqual(new[] { entrypoint }));
        int.Parse(Containerfile.Read().User.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DeployManifests.Text(DeployManifests.PodSpec(jobs[0]), "securityContext", "runAsUser"));
    }
}
