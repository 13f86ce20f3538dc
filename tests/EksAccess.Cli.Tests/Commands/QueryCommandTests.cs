namespace EksAccess.Cli.Tests.Commands;

/// <summary>whoami, can-i, who-can, matrix and verify on the seed walk-throughs' snapshots, end to end in-process.</summary>
public sealed class QueryCommandTests
{
    private static readonly string Seed000 = TestPaths.Example("000-developer-access", "snapshot");
    private static readonly string Seed001 = TestPaths.Example("001-role-based-access", "snapshot");
    private const string DevJohn = "arn:aws:iam::111122223333:user/dev-john";

    [Fact]
    public async Task WhoAmI_AccessEntryUser_PrintsKubectlStyleTableAndNotesTheShadowedMapping()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", DevJohn, "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        var lines = result.Stdout.Split('\n');
        lines[0].ShouldBe("ATTRIBUTE       VALUE");
        lines[1].ShouldBe("Username        dev-john");
        lines[2].ShouldBe("Groups          [dev-team system:authenticated]");
        lines[3].ShouldBe("Source          accessEntry");
        lines[5].ShouldBe("Access policy   AmazonEKSEditPolicy (namespaces: dev-apps)");
        result.Stdout.ShouldContain("also maps this principal, but the access entry overrides it");
    }

    [Fact]
    public async Task WhoAmI_AssumedRoleSessionJson_HasUsernameGroupsAndSource()
    {
        var result = await CliRunner.RunAsync(
            "whoami", "--as-arn", "arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/john@example.com", "--snapshot", Seed000, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("username").GetString().ShouldBe("developer");
        json.RootElement.GetProperty("source").GetString().ShouldBe("awsAuth");
        json.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ShouldBe(["dev-team", "system:authenticated"]);
    }

    [Fact]
    public async Task WhoAmI_UnmappedPrincipal_AnswersRejectedOnStdout()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::111122223333:user/mallory", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stdout.ShouldBe("EKS would reject arn:aws:iam::111122223333:user/mallory: identity is not mapped: arn:aws:iam::111122223333:user/mallory is in no access entry and no aws-auth mapping (authentication mode API_AND_CONFIG_MAP)\n");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhoAmI_MalformedArn_IsInvalidInput()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::1111:user/x", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: --as-arn 'arn:aws:iam::1111:user/x': ");
    }

    [Theory]
    [InlineData("yes", 0, "create", "pods", "-n", "dev-apps")]
    [InlineData("yes", 0, "list", "nodes")]
    [InlineData("no", 1, "list", "pods", "-n", "kube-system")]
    [InlineData("no", 1, "delete", "nodes")]
    [InlineData("no", 1, "list", "secrets", "-n", "default")]
    [InlineData("yes", 0, "get", "/healthz")]
    [InlineData("no", 1, "list", "pods", "-A")]
    public async Task CanI_AsArnDevJohn_AnswersLikeTheWalkThrough(string answer, int exitCode, params string[] query)
    {
        var result = await CliRunner.RunAsync([.. new[] { "can-i" }, .. query, "--as-arn", DevJohn, "--snapshot", Seed000]);

        result.Stdout.ShouldBe(answer + "\n");
        result.ExitCode.ShouldBe(exitCode);
    }

    [Fact]
    public async Task CanI_ImpersonationIsRbacOnly_NoAccessPolicies()
    {
        // dev-john's AmazonEKSEditPolicy grants list serviceaccounts in dev-apps; --as (impersonation) does not carry it.
        var asArn = await CliRunner.RunAsync("can-i", "list", "serviceaccounts", "-n", "dev-apps", "--as-arn", DevJohn, "--snapshot", Seed000);
        var asUser = await CliRunner.RunAsync("can-i", "list", "serviceaccounts", "-n", "dev-apps", "--as", "dev-john", "--as-group", "dev-team", "--snapshot", Seed000);

        asArn.Stdout.ShouldBe("yes\n");
        asUser.Stdout.ShouldBe("no\n");
        asUser.ExitCode.ShouldBe(ExitCodes.Negative);
    }

    [Fact]
    public async Task CanI_Explain_NamesBindingRoleAndSubject()
    {
        var result = await CliRunner.RunAsync("can-i", "get", "pods", "-n", "dev-apps", "--subresource", "log", "--as", "dev-john", "--as-group", "dev-team", "--snapshot", Seed000, "--explain");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldBe(
            "yes\n" +
            "request: get pods --subresource=log -n dev-apps as user \"dev-john\" groups [dev-team system:authenticated]\n" +
            "RBAC: allowed by RoleBinding \"developer-rolebinding/dev-apps\" of Role \"developer-role\" to Group \"dev-team\"\n");
    }

    [Fact]
    public async Task CanI_ClusterScopedTypeWithNamespace_WarnsAndAsksWithTheNamespace()
    {
        var result = await CliRunner.RunAsync("can-i", "list", "nodes", "-n", "dev-apps", "--as", "dev-john", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stderr.ShouldBe("warning: resource 'nodes' is not namespace scoped\n");
    }

    [Theory]
    [InlineData("*.apps", "yes")]   // dev-full-access: apps × resources ["*"]
    [InlineData("*.batch", "no")]   // batch only lists jobs, cronjobs: a requested "*" matches only a literal "*"
    public async Task CanI_StarDotGroup_AsksForEveryResourceOfTheGroup(string type, string answer)
    {
        var result = await CliRunner.RunAsync("can-i", "list", type, "-n", "prod", "--as", "developer", "--as-group", "k8s-devs", "--snapshot", Seed001);

        result.Stdout.ShouldBe(answer + "\n");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task CanI_UnknownPrincipal_IsDenied()
    {
        var result = await CliRunner.RunAsync("can-i", "get", "/healthz", "--as-arn", "arn:aws:iam::111122223333:user/mallory", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stdout.ShouldBe("no\n");
    }

    [Fact]
    public async Task CanI_NoSubject_IsInvalidInputNotNo()
    {
        var result = await CliRunner.RunAsync("can-i", "get", "pods", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task CanI_MissingSnapshotDirectory_IsInvalidInput()
    {
        var result = await CliRunner.RunAsync("can-i", "get", "pods", "--as", "x", "--snapshot", "/nonexistent/snapshot");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: ");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task CanI_List_ShowsRulesOfTheNamespaceLikeKubectl()
    {
        var result = await CliRunner.RunAsync("can-i", "--list", "-n", "dev-apps", "--as", "dev-john", "--as-group", "dev-team", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        var lines = result.Stdout.Split('\n');
        lines[0].ShouldStartWith("Resources");
        lines.ShouldContain(l => l.StartsWith("deployments.apps ", StringComparison.Ordinal) && l.EndsWith("[get list watch create update patch delete]", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("[/healthz]", StringComparison.Ordinal) && l.EndsWith("[get]", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("roles.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhoCan_CreatePodsInDevApps_ListsPrincipalsGroupsAndMasters()
    {
        var result = await CliRunner.RunAsync("who-can", "create", "pods", "-n", "dev-apps", "--snapshot", Seed000, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var names = json.RootElement.GetProperty("subjects").EnumerateArray()
            .Select(s => $"{s.GetProperty("kind").GetString()}:{s.GetProperty("name").GetString()}")
            .ToList();
        names.ShouldContain("IAMPrincipal:" + DevJohn);
        names.ShouldContain("IAMPrincipal:arn:aws:iam::111122223333:role/EKSDeveloperRole");
        names.ShouldContain("IAMPrincipal:arn:aws:iam::111122223333:role/PlatformAdmin");
        names.ShouldContain("Group:dev-team");
        names.ShouldContain("Group:system:masters");
        names.ShouldNotContain("IAMPrincipal:arn:aws:iam::111122223333:role/EKSNodeRole");
    }

    [Fact]
    public async Task WhoCan_ListPodsInKubeSystem_ExcludesDevelopers()
    {
        var result = await CliRunner.RunAsync("who-can", "list", "pods", "-n", "kube-system", "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldContain("arn:aws:iam::111122223333:role/PlatformAdmin");
        result.Stdout.ShouldNotContain(DevJohn);
        result.Stdout.ShouldNotContain("dev-team");
    }

    [Fact]
    public async Task Matrix_Seed001_DeveloperRoleHasAllInItsNamespacesButNoSecretsOfOthers()
    {
        var result = await CliRunner.RunAsync("matrix", "--snapshot", Seed001, "-o", "json", "--namespaces", "prod,kube-system");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var developer = json.RootElement.GetProperty("principals").EnumerateArray()
            .Single(p => p.GetProperty("principalArn").GetString() == "arn:aws:iam::293759796572:role/k8s-devs-role");
        var prod = developer.GetProperty("allowed").GetProperty("prod").EnumerateArray().Select(a => a.GetString()).ToList();
        prod.ShouldContain("create deployments.apps");
        prod.ShouldContain("get secrets");
        prod.ShouldNotContain("create rolebindings.rbac.authorization.k8s.io");
        // dev-full-access grants * on core * through a RoleBinding in prod, and the Namespace object lives in itself:
        // the walk-through's developers may delete the prod namespace (docs/reference/rbac-semantics.md §10.4).
        prod.ShouldContain("delete namespaces");
        developer.GetProperty("allowed").GetProperty("kube-system").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Matrix_Html_IsTheReportPage_WithOneCellPerPrincipalAndNamespace()
    {
        // matrix -o html is a view of the report's page (issue 14): the heat map's data, without the risks section.
        var result = await CliRunner.RunAsync("matrix", "--snapshot", Seed001, "-o", "html", "--namespaces", "prod,dev");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldStartWith("<!doctype html>");
        result.Stdout.ShouldContain("\"namespaces\":[\"prod\",\"dev\"]");
        System.Text.RegularExpressions.Regex.Count(result.Stdout, "\"cells\":\\[[^\\]]*,[^\\]]*\\]").ShouldBe(3);
        result.Stdout.ShouldNotContain("id=\"risks\"");
    }

    [Theory]
    [InlineData("000-developer-access", 16)]
    [InlineData("001-role-based-access", 8)]
    [InlineData("003-cluster-admin-access-entry", 7)]
    public async Task Verify_ExampleAgainstItsSnapshot_AllPass(string example, int checks)
    {
        var result = await CliRunner.RunAsync("verify", "-f", TestPaths.Example(example, "access.yaml"), "--snapshot", TestPaths.Example(example, "snapshot"));

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldEndWith($"{checks} passed, 0 failed against snapshot {TestPaths.Example(example, "snapshot")}\n");
    }

    [Fact]
    public async Task Verify_SnapshotThatDrifted_FailsWithLocationAndReason()
    {
        // Seed 000's config run against seed 001's cluster: nobody there is dev-john.
        var result = await CliRunner.RunAsync("verify", "-f", TestPaths.Example("000-developer-access", "access.yaml"), "--snapshot", Seed001);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stderr.ShouldContain("access.yaml:86:9: dev-john should be allowed to 'create pods -n dev-apps' but is denied — authentication fails: ");
    }

    private static readonly string PathAndSso = Path.Combine(AppContext.BaseDirectory, "Inputs", "Snapshots", "path-and-sso");

    [Fact]
    public async Task WhoAmI_AwsAuthRoleArnWithPath_RejectedWithTheReasonAndTheFixOnOneLine()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:sts::111122223333:assumed-role/Ops/bob", "--snapshot", PathAndSso);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        var line = result.Stdout.TrimEnd().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("EKS would reject arn:aws:sts::111122223333:assumed-role/Ops/bob: identity is not mapped: arn:aws:iam::111122223333:role/Ops is in no access entry and no aws-auth mapping");
        line.ShouldContain("names this role with a path");
    }

    [Fact]
    public async Task CanI_SsoRoleEntryWithPathAndWildcardScope_AllowsMatchingNamespacesOnly()
    {
        const string Jane = "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/jane@example.com";

        var inDev = await CliRunner.RunAsync("can-i", "get", "pods", "-n", "dev-team1", "--as-arn", Jane, "--snapshot", PathAndSso);
        var secrets = await CliRunner.RunAsync("can-i", "get", "secrets", "-n", "dev-team1", "--as-arn", Jane, "--snapshot", PathAndSso);
        var prod = await CliRunner.RunAsync("can-i", "get", "pods", "-n", "prod", "--as-arn", Jane, "--snapshot", PathAndSso);
        var whoami = await CliRunner.RunAsync("whoami", "--as-arn", Jane, "--snapshot", PathAndSso, "-o", "json");

        inDev.Stdout.ShouldBe("yes\n");
        secrets.Stdout.ShouldBe("no\n");
        prod.Stdout.ShouldBe("no\n");
        whoami.Stdout.ShouldContain("\"username\": \"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/jane-example.com\"");
    }

    [Fact]
    public async Task CanI_SystemMastersThroughAwsAuthTemplate_AllowsEverything()
    {
        var result = await CliRunner.RunAsync("can-i", "delete", "nodes", "--as-arn", "arn:aws:iam::111122223333:role/Admin", "--snapshot", PathAndSso, "--explain");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldBe("yes\nrequest: delete nodes as user \"admin:EKSGetTokenAuth\" groups [system:masters system:authenticated]\nallowed by the system:masters group\n");
    }
}
