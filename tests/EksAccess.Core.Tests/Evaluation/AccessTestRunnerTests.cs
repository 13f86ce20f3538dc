using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Verification;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Evaluation;

public sealed class AccessTestRunnerTests
{
    private static AccessConfig Example(string name)
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "examples", name, "access.yaml");
        var parsed = AccessConfigParser.ParseAndValidate(File.ReadAllText(path), path);
        parsed.Diagnostics.ShouldBeEmpty();
        return parsed.Config!;
    }

    [Theory]
    [InlineData("000-developer-access")]
    [InlineData("001-role-based-access")]
    [InlineData("003-cluster-admin-access-entry")]
    public void Run_ExampleAgainstItsDesiredState_EveryCheckPasses(string example)
    {
        var config = Example(example);

        var results = AccessTestRunner.Run(config, AccessModel.Build(DesiredState.Build(config)));

        results.ShouldNotBeEmpty();
        results.Where(r => !r.Passed).Select(r => $"{r.As}: {r.Check.Text}: {r.Explanation}").ShouldBeEmpty();
    }

    [Fact]
    public void Run_WrongExpectation_FailsWithTheGrantingPath()
    {
        var config = Example("000-developer-access");
        var wrong = config with
        {
            Tests = [new TestConfig("dev-john", Allow: [], Deny: [new TestCheck("list nodes")])],
        };

        var result = AccessTestRunner.Run(wrong, AccessModel.Build(DesiredState.Build(config))).Single();

        result.Passed.ShouldBeFalse();
        result.ActualAllowed.ShouldBeTrue();
        result.Explanation.ShouldBe("RBAC: allowed by ClusterRoleBinding \"dev-team-developer-cluster-readonly\" of ClusterRole \"developer-cluster-readonly\" to Group \"dev-team\"");
    }

    [Fact]
    public void Run_AwsAuthOnlyConfigInApiMode_PrincipalIsRejectedSoAllowChecksFail()
    {
        // Seed 001 maps through aws-auth only; a cluster in API mode ignores aws-auth entirely.
        var config = Example("001-role-based-access");
        var desired = DesiredState.Build(config);
        var apiMode = desired with { Cluster = desired.Cluster! with { AuthenticationMode = Core.Identity.AuthenticationMode.Api } };

        var results = AccessTestRunner.Run(config, AccessModel.Build(apiMode));

        results.Where(r => r.ExpectedAllowed).ShouldAllBe(r => !r.Passed && r.Explanation.StartsWith("authentication fails: ", StringComparison.Ordinal));
        results.Where(r => !r.ExpectedAllowed).ShouldAllBe(r => r.Passed);
    }
}
