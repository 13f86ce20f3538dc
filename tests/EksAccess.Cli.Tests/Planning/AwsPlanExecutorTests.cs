using EksAccess.Aws;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Tests;
using EksAccess.Cli.Planning;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Cli.Tests.Commands;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Planning;

[Collection(AwsSequential.Name)]
public sealed class AwsPlanExecutorTests(AwsTestServers servers)
{
    [Fact]
    public async Task Execute_ModeUpdateInProgress_PollsDescribeUpdateUntilSuccessful()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress, UpdateStatus.InProgress, UpdateStatus.InProgress, UpdateStatus.Successful);
        var time = new InstantTimeProvider();
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(new AwsClients(eks, null!, null!, null!, null!), Context(progress, time), concurrency: 10);

        var applied = await executor.ExecuteAsync([ModeStep()], Token);

        applied.ShouldBe(1);
        eks.Describes.ShouldBe(3);
        time.Delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)]);
        progress.ToString().ShouldContain("update u-1 Successful");
    }

    [Fact]
    public async Task Execute_ModeUpdateFails_ThrowsRemoteExceptionWithTheUpdateErrors()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress, UpdateStatus.Failed);
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(new AwsClients(eks, null!, null!, null!, null!), Context(progress, new InstantTimeProvider()), concurrency: 10);

        var error = await Should.ThrowAsync<RemoteException>(() => executor.ExecuteAsync([ModeStep()], Token));

        error.Message.ShouldContain("0 of 1 changes applied");
        error.Message.ShouldContain("is Failed: AccessDenied: no");
        progress.ToString().ShouldContain("FAILED");
    }

    [Fact]
    public async Task Execute_ModeUpdateNeverFinishes_TimesOutAfterThirtyMinutesOfClock()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress);
        var time = new InstantTimeProvider();
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(new AwsClients(eks, null!, null!, null!, null!), Context(progress, time), concurrency: 10);

        var error = await Should.ThrowAsync<RemoteException>(() => executor.ExecuteAsync([ModeStep()], Token));

        error.Message.ShouldContain("still InProgress after 30 minutes");
        time.Delays.Sum(d => d.TotalMinutes).ShouldBeGreaterThanOrEqualTo(30);
    }

    [Fact]
    public async Task Apply_CreateAccessKey_WritesSecretFileMode0600AndNeverPrintsIt()
    {
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, "c1", Aws.Eks.Model.AuthenticationMode.ConfigMap);
        var config = new AccessConfig
        {
            SourceFile = "access.yaml",
            Cluster = new ClusterConfig { Name = "c1", Region = "us-east-1", AccountId = "123456789012", AuthenticationMode = Core.Identity.AuthenticationMode.ConfigMap, AccessMethod = AccessMethod.AwsAuth },
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ci-bot", CreateAccessKey = true }] },
        };
        var secrets = Directory.CreateTempSubdirectory("eksaccess-keys-").FullName;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var target = new AwsPlanTarget(AwsCli.Context(servers, stdout, stderr));
        var context = new PlanContext(Force: false, DryRun: false, stderr, "backups", TimeProvider.System) { SecretsDirectory = secrets };

        var plan = await target.PlanAsync(config, context, Token);
        var applied = await target.ApplyAsync(config, plan, context, Token);
        var again = await target.PlanAsync(config, context, Token);

        plan.Changes.Select(c => c.ApiCall).ShouldBe(["iam:CreateUser", "iam:CreateAccessKey"]);
        applied.ShouldBe(2);
        again.Changes.ShouldBeEmpty();
        var file = Path.Combine(secrets, "ci-bot.access-key.json");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file, Token))!["AccessKey"]!;
        var secret = (string)json["SecretAccessKey"]!;
        secret.ShouldNotBeNullOrEmpty();
        ((string)json["UserName"]!).ShouldBe("ci-bot");
        stderr.ToString().ShouldNotContain(secret);
        stdout.ToString().ShouldNotContain(secret);
        stderr.ToString().ShouldContain("ci-bot.access-key.json (mode 0600)");
    }

    private static PlanContext Context(StringWriter progress, TimeProvider time) => new(Force: false, DryRun: false, progress, "backups", time);

    private static AwsPlanStep ModeStep() => new(
        new PlannedChange("aws", ChangeKind.Update, "authentication-mode", "c1", "eks:UpdateClusterConfig", []) { Order = AwsPlanOrder.AuthenticationMode },
        new UpdateAuthenticationModeAction("c1", Core.Identity.AuthenticationMode.ApiAndConfigMap));
}
