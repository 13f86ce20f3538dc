using Microsoft.Extensions.Time.Testing;
using Amazon.Runtime;
using EksAccess.Aws.Iam.Model;
using EksAccess.Aws.Tokens;
using EksAccess.Core.Tokens;

namespace EksAccess.Aws.Tests.Tokens;

[Collection(AwsSequential.Name)]
public sealed class EksTokenGeneratorTests(AwsTestServers servers) : IDisposable
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly string _cacheDirectory = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-token-cache-").FullName, "tokens");
    private readonly FakeTimeProvider _time = new(Start);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static EksTokenRequest Request => new() { ClusterName = "dev1", Region = "us-east-1" };

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_cacheDirectory)!, recursive: true);

    [Fact]
    public async Task GetToken_Twice_SecondComesFromTheCache()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));

        var first = await generator.GetTokenAsync(Request, Token);
        _time.SetUtcNow(Start.AddMinutes(9));
        var second = await generator.GetTokenAsync(Request, Token);

        first.FromCache.ShouldBeFalse();
        second.FromCache.ShouldBeTrue();
        second.Token.ShouldBe(first.Token);
        second.ExpirationTimestamp.ShouldBe(Start.AddMinutes(14));
        Directory.GetFiles(_cacheDirectory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task GetToken_LessThanFiveMinutesLeft_MintsANewToken()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));

        var first = await generator.GetTokenAsync(Request, Token);
        _time.SetUtcNow(Start.AddMinutes(10).AddSeconds(1));
        var second = await generator.GetTokenAsync(Request, Token);

        second.FromCache.ShouldBeFalse();
        second.Token.ShouldNotBe(first.Token);
        second.SignedAt.ShouldBe(_time.GetUtcNow());
        Directory.GetFiles(_cacheDirectory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task GetToken_OtherAccessKeyId_NeverGetsTheFirstIdentitysToken()
    {
        var first = await Generator(new BasicAWSCredentials("AKIAFIRST", "secret1")).GetTokenAsync(Request, Token);

        var second = await Generator(new BasicAWSCredentials("AKIASECOND", "secret2")).GetTokenAsync(Request, Token);

        second.FromCache.ShouldBeFalse();
        second.Token.ShouldNotBe(first.Token);
        EksToken.TryDecode(second.Token, out var url).ShouldBeTrue();
        url.ShouldContain("AKIASECOND");
        Directory.GetFiles(_cacheDirectory).Length.ShouldBe(2);
    }

    [Fact]
    public async Task GetToken_OtherClusterOrRegion_UsesAnotherEntry()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));

        await generator.GetTokenAsync(Request, Token);
        var otherCluster = await generator.GetTokenAsync(Request with { ClusterName = "dev2" }, Token);
        var otherRegion = await generator.GetTokenAsync(Request with { Region = "eu-west-1" }, Token);

        otherCluster.FromCache.ShouldBeFalse();
        otherRegion.FromCache.ShouldBeFalse();
        Directory.GetFiles(_cacheDirectory).Length.ShouldBe(3);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task GetToken_Cached_FileIsMode0600InA0700Directory()
    {

        await Generator(new BasicAWSCredentials("AKIAFIRST", "secret1")).GetTokenAsync(Request, Token);

        File.GetUnixFileMode(_cacheDirectory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Directory.GetFiles(_cacheDirectory).ShouldHaveSingleItem();
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Path.GetFileName(file).ShouldMatch("^[0-9a-f]{64}\\.json$");
        Directory.GetFiles(_cacheDirectory, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task GetToken_CacheFileReadableByOthers_IsNotReused()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));
        await generator.GetTokenAsync(Request, Token);
        var file = Directory.GetFiles(_cacheDirectory).Single();
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var second = await generator.GetTokenAsync(Request, Token);

        second.FromCache.ShouldBeFalse();
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task GetToken_NoCache_NeitherReadsNorWrites()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));
        await generator.GetTokenAsync(Request, Token);

        var second = await generator.GetTokenAsync(Request with { NoCache = true }, Token);

        second.FromCache.ShouldBeFalse();
        Directory.GetFiles(_cacheDirectory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task GetToken_WithoutACache_WritesNothing()
    {
        var generator = new EksTokenGenerator(servers.Settings(new BasicAWSCredentials("AKIAFIRST", "secret1")), _time, cache: null);

        var result = await generator.GetTokenAsync(Request, Token);

        result.FromCache.ShouldBeFalse();
        Directory.Exists(_cacheDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task GetToken_MalformedCacheFile_IsReplaced()
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));
        await generator.GetTokenAsync(Request, Token);
        var file = Directory.GetFiles(_cacheDirectory).Single();
        await File.WriteAllTextAsync(file, "{ not json", Token);

        var second = await generator.GetTokenAsync(Request, Token);

        second.FromCache.ShouldBeFalse();
        CachedEksToken.TryParse(await File.ReadAllTextAsync(file, Token)).ShouldNotBeNull().Token.ShouldBe(second.Token);
    }

    [Fact]
    public async Task GetToken_RoleArn_AssumesTheRoleAndSignsWithItsSession()
    {
        await servers.ResetForClassAsync(GetType());
        await servers.Clients().Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "eks-dev", AssumeRolePolicyDocument = TrustPolicy }, Token);
        var generator = Generator(credentials: null);
        var request = Request with { RoleArn = "arn:aws:iam::123456789012:role/eks-dev" };

        var first = await generator.GetTokenAsync(request, Token);
        var again = await generator.GetTokenAsync(request, Token);
        var withoutRole = await generator.GetTokenAsync(Request, Token);

        EksToken.TryDecode(first.Token, out var url).ShouldBeTrue();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        query["X-Amz-Credential"]!.ShouldStartWith("ASIA");
        query["X-Amz-Security-Token"].ShouldNotBeNullOrEmpty();
        again.FromCache.ShouldBeTrue();
        withoutRole.FromCache.ShouldBeFalse();
        EksToken.TryDecode(withoutRole.Token, out var plain).ShouldBeTrue();
        plain.ShouldContain("X-Amz-Credential=testing%2F");
    }

    [Fact]
    public async Task GetToken_RoleMotoDoesNotKnow_StillAssumesWithoutTrustChecks()
    {
        // moto (without auth mode) does not check trust policies; the real STS would answer AccessDenied → exit 4.
        var result = await Generator(credentials: null).GetTokenAsync(Request with { RoleArn = "arn:aws:iam::123456789012:role/nobody", SessionName = "alice" }, Token);

        result.FromCache.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("dev1", "not-an-arn", null)]
    [InlineData("dev1", "arn:aws:iam::123456789012:user/alice", null)]
    [InlineData("dev1", "arn:aws:iam::123456789012:role/r", "x")]
    public async Task GetToken_BadArguments_ThrowConfigurationErrors(string cluster, string? roleArn, string? sessionName)
    {
        var generator = Generator(new BasicAWSCredentials("AKIAFIRST", "secret1"));

        await Should.ThrowAsync<AwsConfigurationException>(() =>
            generator.GetTokenAsync(new EksTokenRequest { ClusterName = cluster, Region = "us-east-1", RoleArn = roleArn, SessionName = sessionName }, Token));
    }

    [Fact]
    public async Task GetToken_NoRegionAnywhere_SaysHowToGiveOne()
    {
        var settings = servers.Settings(new BasicAWSCredentials("AKIAFIRST", "secret1")) with { EnvironmentVariables = _ => null };
        var generator = new EksTokenGenerator(settings, _time, new EksTokenCache(_cacheDirectory));

        var exception = await Should.ThrowAsync<AwsConfigurationException>(() => generator.GetTokenAsync(new EksTokenRequest { ClusterName = "dev1" }, Token));

        exception.Message.ShouldContain("--region");
    }

    [Fact]
    public void ResultToString_Always_HidesTheToken()
    {
        new EksTokenResult("k8s-aws-v1.secret", Start, FromCache: false).ToString().ShouldNotContain("secret");
    }

    private EksTokenGenerator Generator(AWSCredentials? credentials) =>
        new(servers.Settings(credentials), _time, new EksTokenCache(_cacheDirectory));
}
