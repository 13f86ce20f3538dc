using EksAccess.Aws.Access;
using EksAccess.Cli.Planning;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Cli.Tests.Commands;
using EksAccess.Cli.Tests.Fakes;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Planning;

[Collection(AwsSequential.Name)]
public sealed class AwsPlanExecutorTests(AwsTestServers servers)
{
    [Fact]
    public async Task Execute_ActionSucceeds_ReportsTheAdaptersNoteOnItsProgressLine()
    {
        var aws = new ScriptedAwsAccess(_ => new AwsActionOutcome("; update u-1 Successful"));
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(aws, Context(progress, TimeProvider.System), concurrency: 10);

        var applied = await executor.ExecuteAsync([ModeStep()], Token);

        applied.ShouldBe(1);
        aws.Executed.ShouldHaveSingleItem().ShouldBeOfType<UpdateAuthenticationModeAction>();
        progress.ToString().ShouldContain("[1/1] update authentication-mode c1 (eks:UpdateClusterConfig): done");
        progress.ToString().ShouldContain("update u-1 Successful");
    }

    [Fact]
    public async Task Execute_ActionFails_ThrowsRemoteExceptionWithHowFarItGot()
    {
        var aws = new ScriptedAwsAccess(_ => throw new InvalidOperationException("update u-1 of cluster c1 to API_AND_CONFIG_MAP is Failed: AccessDenied: no"));
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(aws, Context(progress, TimeProvider.System), concurrency: 10);

        var error = await Should.ThrowAsync<RemoteException>(() => executor.ExecuteAsync([ModeStep()], Token));

        error.Message.ShouldContain("0 of 1 changes applied");
        error.Message.ShouldContain("is Failed: AccessDenied: no");
        progress.ToString().ShouldContain("FAILED");
    }

    [Fact]
    public async Task Execute_SecretDirectoryUnwritable_DeletesTheNewKeyAgain()
    {
        var blocker = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-keys-").FullName, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "", Token);
        var aws = new ScriptedAwsAccess(action => action is CreateAccessKeyAction
            ? new AwsActionOutcome("", new CreatedAccessKey("ci-bot", "AKIA1", "Active", "s3cret", null))
            : AwsActionOutcome.Done);
        using var progress = new StringWriter();
        var executor = new AwsPlanExecutor(aws, Context(progress, TimeProvider.System) with { SecretsDirectory = blocker }, concurrency: 1);
        var step = new AwsPlanStep(new PlannedChange("aws", ChangeKind.Create, "iam-access-key", "ci-bot", "iam:CreateAccessKey", []), new CreateAccessKeyAction("ci-bot"));

        var error = await Should.ThrowAsync<RemoteException>(() => executor.ExecuteAsync([step], Token));

        error.Message.ShouldContain("the key was deleted again");
        aws.Executed.ShouldBe([new CreateAccessKeyAction("ci-bot"), new DeleteAccessKeyAction("ci-bot", "AKIA1")]);
        progress.ToString().ShouldNotContain("s3cret");
    }

    [Fact]
    public async Task Apply_CreateAccessKey_WritesSecretFileMode0600AndNeverPrintsIt()
    {
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, "c1", EksAccess.Aws.Eks.Model.AuthenticationMode.ConfigMap);
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
