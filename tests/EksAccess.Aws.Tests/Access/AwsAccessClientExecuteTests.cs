using EksAccess.Aws.Access;
using EksAccess.Aws.Eks.Model;
using EksAccess.Core.Planning;

namespace EksAccess.Aws.Tests.Access;

/// <summary>The adapter's cluster-update wait: DescribeUpdate polled with backoff on the injected clock, until it succeeds, fails or times out.</summary>
public sealed class AwsAccessClientExecuteTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_ModeUpdateInProgress_PollsDescribeUpdateUntilSuccessful()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress, UpdateStatus.InProgress, UpdateStatus.InProgress, UpdateStatus.Successful);
        var time = new InstantTimeProvider();

        var outcome = await Client(eks, time).ExecuteAsync(ModeAction(), Token);

        eks.Describes.ShouldBe(3);
        time.Delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)]);
        outcome.Note.ShouldContain("update u-1 Successful");
        outcome.AccessKey.ShouldBeNull();
    }

    [Fact]
    public async Task Execute_ModeUpdateFails_ThrowsWithTheUpdateErrors()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress, UpdateStatus.Failed);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Client(eks, new InstantTimeProvider()).ExecuteAsync(ModeAction(), Token));

        error.Message.ShouldContain("is Failed: AccessDenied: no");
    }

    [Fact]
    public async Task Execute_ModeUpdateNeverFinishes_TimesOutAfterThirtyMinutesOfClock()
    {
        var eks = new UpdatingEksClient(UpdateStatus.InProgress);
        var time = new InstantTimeProvider();

        var error = await Should.ThrowAsync<TimeoutException>(() => Client(eks, time).ExecuteAsync(ModeAction(), Token));

        error.Message.ShouldContain("still InProgress after 30 minutes");
        time.Delays.Sum(d => d.TotalMinutes).ShouldBeGreaterThanOrEqualTo(30);
    }

    private static AwsAccessClient Client(UpdatingEksClient eks, TimeProvider time) =>
        new(new AwsClients(eks, null!, null!, null!, null!), "us-east-1", time);

    private static UpdateAuthenticationModeAction ModeAction() => new("c1", Core.Identity.AuthenticationMode.ApiAndConfigMap);
}
