using Amazon.Runtime;
using EksAccess.Aws.Iam.Model;
using EksAccess.Aws.Sts.Model;

namespace EksAccess.Aws.Tests.Sts;

[Collection(AwsSequential.Name)]
public sealed class StsClientTests(AwsTestServers servers)
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCallerIdentity_EnvironmentCredentials_ReturnsMotoDefaultIdentity()
    {
        await servers.ResetForClassAsync(GetType());

        var identity = await servers.Clients().Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Token);

        identity.Account.ShouldBe("123456789012");
        identity.Arn.ShouldBe("arn:aws:sts::123456789012:user/moto");
    }

    [Fact]
    public async Task AssumeRole_ThenCallerIdentity_IsTheAssumedRoleSession()
    {
        await servers.ResetForClassAsync(GetType());
        var clients = servers.Clients();
        await clients.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "eks-dev", AssumeRolePolicyDocument = TrustPolicy }, Token);

        var assumed = await clients.Sts.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/eks-dev", RoleSessionName = "alice-sess", DurationSeconds = 900 },
            Token);
        var credentials = assumed.Credentials.ShouldNotBeNull();
        var session = new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        var identity = await servers.Clients(session).Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Token);

        assumed.AssumedRoleUser!.Arn.ShouldBe("arn:aws:sts::123456789012:assumed-role/eks-dev/alice-sess");
        credentials.AccessKeyId.ShouldStartWith("ASIA");
        credentials.Expiration.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        credentials.ToString().ShouldNotContain(credentials.SecretAccessKey!);
        credentials.ToString().ShouldNotContain(credentials.SessionToken!);
        identity.Arn.ShouldBe("arn:aws:sts::123456789012:assumed-role/eks-dev/alice-sess");
    }

    [Fact]
    public async Task GetCallerIdentity_NamedProfileWithStaticKeys_UsesThatProfile()
    {
        await servers.ResetForClassAsync(GetType());
        var iam = servers.Clients().Iam;
        await iam.CreateUserAsync(new CreateUserRequest { UserName = "profile-alice" }, Token);
        var key = (await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest { UserName = "profile-alice" }, Token)).AccessKey!;
        await File.WriteAllTextAsync(
            servers.CredentialsFile,
            $"[alice]\naws_access_key_id = {key.AccessKeyId}\naws_secret_access_key = {key.SecretAccessKey}\n",
            Token);
        await File.WriteAllTextAsync(servers.ConfigFile, "[default]\n\n[profile alice]\nregion = eu-west-2\n", Token);

        var settings = servers.Settings() with { Profile = "alice" };
        var identity = await AwsClients.Create(settings).Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Token);
        var region = AwsClients.ResolveRegion(settings with { EnvironmentVariables = _ => null });

        identity.Arn.ShouldBe("arn:aws:iam::123456789012:user/profile-alice");
        region.ShouldBe("eu-west-2");
    }

    [Fact]
    public async Task GetCallerIdentity_UnknownProfile_ThrowsConfigurationError()
    {
        await servers.ResetForClassAsync(GetType());
        var settings = servers.Settings() with { Profile = "no-such-profile" };

        var exception = await Should.ThrowAsync<AwsConfigurationException>(() =>
            AwsClients.Create(settings).Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Token));

        exception.Message.ShouldContain("no-such-profile");
    }
}
