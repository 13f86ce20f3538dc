using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.KubeStub;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Kubernetes.Tests;

public sealed class AwsAuthUpdaterTests
{
    private const string OtherNodeRole = "- rolearn: arn:aws:iam::111122223333:role/karpenter-node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n  - system:bootstrappers\n  - system:nodes\n";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly KubeResource ConfigMaps = KubeResource.ByPlural("configmaps");

    private static ConfigMapObject Desired => DesiredState.Build(TestConfigs.Seed000()).AwsAuth!;

    [Fact]
    public async Task UpdateAsync_Absent_CreatesIt()
    {
        await using var fixture = await StubFixture.StartAsync();
        var updater = new AwsAuthUpdater(fixture.Client, new AwsAuthBackup(fixture.Directory, TimeProvider.System), TextWriter.Null);

        var result = await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, Desired, new ClusterSnapshot()), None);

        result.Written.ShouldBeTrue();
        result.BackupPath.ShouldBeNull();
        var live = await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None);
        AwsAuthParser.Parse(live!.Object).MapRoles.Length.ShouldBe(3);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentEditBetweenGetAndPut_IsMergedNotLost()
    {
        await using var fixture = await StubFixture.StartAsync();
        var updater = new AwsAuthUpdater(fixture.Client, new AwsAuthBackup(fixture.Directory, TimeProvider.System), TextWriter.Null);
        await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, Desired, new ClusterSnapshot()), None);
        var injected = false;
        fixture.Stub.BeforeRequest = request =>
        {
            if (!injected && request.Method == "PUT" && request.Name == "aws-auth")
            {
                injected = true;
                fixture.Stub.Store.Edit(ConfigMaps, "kube-system", "aws-auth", obj => obj["data"]!["mapRoles"] = (string?)obj["data"]!["mapRoles"] + OtherNodeRole);
            }

            return Task.CompletedTask;
        };
        var withoutJohn = DesiredState.Build(TestConfigs.Seed000() with { Teams = [TestConfigs.Seed000().Teams[0] with { Members = ["EKSDeveloperRole"] }] }).AwsAuth;

        var result = await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, withoutJohn, new ClusterSnapshot()), None);

        result.Attempts.ShouldBe(2);
        var parsed = AwsAuthParser.Parse((await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None))!.Object);
        parsed.MapRoles.Select(r => r.RoleArn).ShouldContain("arn:aws:iam::111122223333:role/karpenter-node");
        parsed.MapUsers.ShouldBeEmpty();
        fixture.Stub.Requests.Count(r => r.Method == "PUT").ShouldBe(2);
    }

    [Fact]
    public async Task UpdateAsync_AlwaysConflicting_GivesUpAfterFiveAttemptsWithoutOverwriting()
    {
        await using var fixture = await StubFixture.StartAsync();
        var updater = new AwsAuthUpdater(fixture.Client, null, TextWriter.Null);
        await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, Desired, new ClusterSnapshot()), None);
        var edits = 0;
        fixture.Stub.BeforeRequest = request =>
        {
            if (request.Method == "PUT" && request.Name == "aws-auth")
            {
                edits++;
                fixture.Stub.Store.Edit(ConfigMaps, "kube-system", "aws-auth", obj => obj["data"]!["note"] = edits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Task.CompletedTask;
        };

        var ex = await Should.ThrowAsync<KubernetesApiException>(() =>
            updater.UpdateAsync(current => AwsAuthMerge.Merge(current, DesiredState.Build(TestConfigs.Seed000() with { Admins = [] }).AwsAuth, new ClusterSnapshot()) is var edit && edit.IsRefused ? edit with { Reasons = [] } : edit, None));

        ex.Message.ShouldContain("kept changing");
        edits.ShouldBe(AwsAuthUpdater.MaxAttempts);
    }

    [Fact]
    public async Task UpdateAsync_BeforeEveryWrite_BacksUpThePreviousObjectOwnerOnly()
    {
        await using var fixture = await StubFixture.StartAsync();
        var backups = Path.Combine(fixture.Directory, "backups");
        var updater = new AwsAuthUpdater(fixture.Client, new AwsAuthBackup(backups, TimeProvider.System), TextWriter.Null);
        await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, Desired, new ClusterSnapshot()), None);
        var before = await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None);

        var result = await updater.UpdateAsync(current => AwsAuthMerge.Remove(current, "arn:aws:iam::111122223333:user/dev-john", force: false, new ClusterSnapshot()), None);

        var path = result.BackupPath.ShouldNotBeNull();
        Path.GetFileName(path).ShouldMatch(@"^aws-auth\.\d{8}T\d{6}\.\d{3}Z\.yaml$");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe(before!.Yaml);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task UpdateAsync_Refused_ThrowsAndWritesNothing()
    {
        await using var fixture = await StubFixture.StartAsync();
        var updater = new AwsAuthUpdater(fixture.Client, null, TextWriter.Null);
        await updater.UpdateAsync(current => AwsAuthMerge.Merge(current, Desired, new ClusterSnapshot()), None);
        var version = (await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None))!.ResourceVersion;
        var noNodes = DesiredState.Build(TestConfigs.Seed000() with { Cluster = TestConfigs.Seed000().Cluster with { NodeRoles = [] } }).AwsAuth;

        var ex = await Should.ThrowAsync<AwsAuthRefusedException>(() => updater.UpdateAsync(current => AwsAuthMerge.Merge(current, noNodes, new ClusterSnapshot()), None));

        ex.Message.ShouldContain("node-role mapping");
        (await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None))!.ResourceVersion.ShouldBe(version);
    }
}
