using EksAccess.Core.Config;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Expiry;

public sealed class ConfigExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Yaml = """
        apiVersion: eksaccess.io/v1alpha1
        kind: AccessConfig
        cluster:
          name: c1
          region: us-east-1
          accountId: "111122223333"
          maxGrantDuration: 7d
        iam:
          users:
            - name: dev-john
              maxAccessKeyAge: 90d
            - name: dev-jane
        teams:
          - name: dev
            members:
              - {name: dev-john, expires: "2026-12-01T10:00:00Z"}
              - dev-jane
            namespaces:
              - namespace: default
                role: edit
                expires: "2026-12-01T11:00:00+01:00"
            accessPolicies:
              - policyArn: AmazonEKSAdminPolicy
                accessScope: {type: namespace, namespaces: [dev-apps]}
                expires: "2026-12-03T12:00:00Z"
        admins:
          - principal: arn:aws:iam::111122223333:role/Admin
          - principal: arn:aws:iam::111122223333:role/OnCall
            expires: "2026-12-20T00:00:00Z"
        """;

    private static AccessConfig Config() => AccessConfigParser.Parse(Yaml, "access.yaml").Config.ShouldNotBeNull();

    [Fact]
    public void Parse_ExpiresEverywhere_ReadsInstantsInUtcAndDurations()
    {
        var result = AccessConfigParser.ParseAndValidate(Yaml, "access.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var config = result.Config!;
        config.Cluster.MaxGrantDuration.ShouldBe(TimeSpan.FromDays(7));
        config.Iam.Users[0].MaxAccessKeyAge.ShouldBe(TimeSpan.FromDays(90));
        config.Teams[0].Members.ShouldBe(["dev-john", "dev-jane"]);
        config.Teams[0].MemberExpiries["dev-john"].At.ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        config.Teams[0].MemberExpiries.ContainsKey("dev-jane").ShouldBeFalse();
        config.Teams[0].Namespaces[0].Expires!.At.ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        config.Teams[0].Namespaces[0].Expires!.Location.Line.ShouldBe(21);
        config.Admins[1].Expires!.At.Day.ShouldBe(20);
    }

    [Theory]
    [InlineData("2026-12-01", "'expires' must be an RFC 3339 time with an offset")]
    [InlineData("2026-12-01T10:00:00", "'expires' must be an RFC 3339 time with an offset")]
    [InlineData("tomorrow", "'expires' must be an RFC 3339 time with an offset")]
    public void Parse_ExpiresWithoutOffset_ErrorAtItsPosition(string value, string message)
    {
        var yaml = Yaml.Replace("\"2026-12-20T00:00:00Z\"", $"\"{value}\"", StringComparison.Ordinal);

        var result = AccessConfigParser.Parse(yaml, "access.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldStartWith(message);
        diagnostic.Location.ToString().ShouldBe("access.yaml:29:14");
    }

    [Fact]
    public void Parse_MemberMappingWithUnknownKey_ErrorNamesTheKey()
    {
        var result = AccessConfigParser.Parse(Yaml.Replace("{name: dev-john, expires:", "{name: dev-john, expire:", StringComparison.Ordinal), "access.yaml");

        result.Diagnostics.ShouldContain(d => d.Message == "unknown key 'expire'");
    }

    [Fact]
    public void At_SomeItemsExpired_DropsExactlyThoseAndNamesThem()
    {
        var view = ConfigExpiry.At(Config(), Now);

        view.Current.Teams[0].Members.ShouldBe(["dev-jane"]);
        view.Current.Teams[0].Namespaces.ShouldBeEmpty();
        view.Current.Teams[0].AccessPolicies.ShouldHaveSingleItem();
        view.Current.Admins.Length.ShouldBe(2);
        view.Expired.Select(e => e.Description).ShouldBe(["team dev member dev-john", "team dev grant of edit in namespace default"]);
        view.Full.Teams[0].Members.Length.ShouldBe(2);
    }

    [Fact]
    public void At_ExactlyTheExpiry_IsExpired()
    {
        var view = ConfigExpiry.At(Config(), new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        view.Current.Teams[0].Members.ShouldBe(["dev-jane"]);
    }

    [Fact]
    public void Check_BeyondMaxGrantDurationAndPast_ErrorAndWarning()
    {
        var (errors, warnings) = ConfigExpiry.Check(Config(), Now);

        errors.ShouldHaveSingleItem().Message.ShouldContain("admin arn:aws:iam::111122223333:role/OnCall expires at 2026-12-20T00:00:00Z, more than cluster.maxGrantDuration (7d)");
        errors[0].Location.Line.ShouldBe(29);
        warnings.Select(w => w.Message).ShouldBe(["team dev member dev-john expired at 2026-12-01T10:00:00Z", "team dev grant of edit in default expired at 2026-12-01T10:00:00Z"]);
    }

    [Fact]
    public void Resolve_MemberAndPolicyExpiries_EntryLivesAsLongAsItsLongestReason()
    {
        var principals = PrincipalResolver.Resolve(Config()).ToDictionary(p => p.IamName, StringComparer.Ordinal);

        principals["dev-john"].ExpiresAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        principals["dev-jane"].ExpiresAt.ShouldBeNull();
        principals["dev-jane"].PolicyExpiresAt["arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy"].Day.ShouldBe(3);
        principals["dev-john"].PolicyExpiresAt["arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy"].ShouldBe(principals["dev-john"].ExpiresAt!.Value);
        principals["Admin"].ExpiresAt.ShouldBeNull();
        principals["OnCall"].ExpiresAt!.Value.Day.ShouldBe(20);
    }
}
