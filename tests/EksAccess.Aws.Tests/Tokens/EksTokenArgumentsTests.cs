using EksAccess.Aws.Tokens;

namespace EksAccess.Aws.Tests.Tokens;

public sealed class EksTokenArgumentsTests
{
    [Fact]
    public void TryParse_EveryFlag_FillsTheRequest()
    {
        EksTokenArguments.TryParse(
            ["--cluster-name", "c1", "--region=eu-west-1", "--role-arn", "arn:aws:iam::1:role/r", "--session-name", "s1", "--profile", "dev", "--endpoint-url", "http://127.0.0.1:5000", "--no-cache", "--output", "json"],
            out var arguments,
            out var error).ShouldBeTrue(error);

        arguments!.Request.ShouldBe(new EksTokenRequest { ClusterName = "c1", Region = "eu-west-1", RoleArn = "arn:aws:iam::1:role/r", SessionName = "s1", NoCache = true });
        arguments.Profile.ShouldBe("dev");
        arguments.EndpointUrl.ShouldBe(new Uri("http://127.0.0.1:5000"));
    }

    [Theory]
    [InlineData(new string[0], "--cluster-name")]
    [InlineData(new[] { "--cluster-name" }, "needs a value")]
    [InlineData(new[] { "--cluster-name", "c1", "--bogus" }, "unrecognized argument '--bogus'")]
    [InlineData(new[] { "--cluster-name", "c1", "--output", "yaml" }, "JSON only")]
    [InlineData(new[] { "--cluster-name", "c1", "--no-cache=true" }, "takes no value")]
    [InlineData(new[] { "--cluster-name", "c1", "--endpoint-url", "ftp://x" }, "not an http(s) URL")]
    public void TryParse_BadInput_FailsWithOneLine(string[] args, string message)
    {
        EksTokenArguments.TryParse(args, out var arguments, out var error).ShouldBeFalse();

        arguments.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(message);
        error.ShouldNotContain("\n");
    }
}
