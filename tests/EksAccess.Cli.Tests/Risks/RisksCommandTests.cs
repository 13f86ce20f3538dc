using System.Text.Json;

namespace EksAccess.Cli.Tests.Risks;

/// <summary>
/// eksaccess risks end to end: the planted corpus (one risk per rule id, each reached through an access entry, an
/// aws-auth mapRoles or mapUsers entry, an access policy, mapAccounts or a config group that may assume a role), the
/// clean seed configs, seed 001's dev-full-access, --fail-on, folding, JSON and SARIF.
/// </summary>
public sealed class RisksCommandTests
{
    private static readonly string Planted = Path.Combine(AppContext.BaseDirectory, "Inputs", "Risks", "planted");
    private static readonly string Clean = Path.Combine(AppContext.BaseDirectory, "Inputs", "Risks", "clean");

    [Theory]
    [InlineData("R-WILDCARD", "g-r-wildcard", "team-a", "arn:aws:iam::111122223333:role/entry-wildcard")]
    [InlineData("R-SECRETS", "g-r-secrets", "", "arn:aws:iam::111122223333:role/maprole-secrets")]
    [InlineData("R-WORKLOAD", "g-r-workload", "team-a", "arn:aws:iam::111122223333:user/mapuser-workload")]
    [InlineData("R-EXEC", "g-r-exec", "team-a", "arn:aws:iam::111122223333:role/entry-exec")]
    [InlineData("R-EPHEMERAL", "g-r-ephemeral", "team-a", "arn:aws:iam::111122223333:role/maprole-ephemeral")]
    [InlineData("R-NODEPROXY", "g-r-nodeproxy", "", "arn:aws:iam::111122223333:user/mapuser-nodeproxy")]
    [InlineData("R-ESCALATE", "g-r-escalate", "", "arn:aws:iam::111122223333:role/entry-escalate")]
    [InlineData("R-BIND", "g-r-bind", "team-a", "arn:aws:iam::111122223333:role/maprole-bind")]
    [InlineData("R-IMPERSONATE", "g-r-impersonate", "", "arn:aws:iam::111122223333:user/mapuser-impersonate")]
    [InlineData("R-TOKEN", "g-r-token", "team-a", "arn:aws:iam::111122223333:role/entry-token")]
    [InlineData("R-SECRET-WRITE", "g-r-secret-write", "kube-system", "arn:aws:iam::111122223333:role/maprole-secret-write")]
    [InlineData("R-CSR", "g-r-csr", "", "arn:aws:iam::111122223333:user/mapuser-csr")]
    [InlineData("R-WEBHOOK", "g-r-webhook", "", "arn:aws:iam::111122223333:role/entry-webhook")]
    [InlineData("R-PV", "g-r-pv", "", "arn:aws:iam::111122223333:role/maprole-pv")]
    [InlineData("R-NSLABEL", "g-r-nslabel", "team-a", "arn:aws:iam::111122223333:user/mapuser-nslabel")]
    [InlineData("R-CRD", "g-r-crd", "", "arn:aws:iam::111122223333:role/entry-crd")]
    [InlineData("R-STEAL", "g-r-steal", "", "arn:aws:iam::111122223333:role/maprole-steal")]
    [InlineData("R-STATUS", "g-r-status", "team-a", "arn:aws:iam::111122223333:user/mapuser-status")]
    [InlineData("R-EVENTS", "g-r-events", "team-a", "arn:aws:iam::111122223333:role/entry-events")]
    [InlineData("R-COREDNS", "g-r-coredns", "kube-system", "arn:aws:iam::111122223333:role/maprole-coredns")]
    [InlineData("E-AWSAUTH-WRITE", "g-e-awsauth-write", "kube-system", "arn:aws:iam::111122223333:user/mapuser-eks-awsauth-write")]
    public async Task Planted_EachRbacRule_IsFoundForItsGroup_WithThePrincipalAndChain(string id, string group, string ns, string arn)
    {
        var findings = await FindingsAsync("--snapshot", Planted);

        var finding = findings.Single(f => f.GetProperty("id").GetString() == id && f.GetProperty("subject").GetProperty("name").GetString() == group);
        finding.GetProperty("namespace").GetString().ShouldBe(ns);
        finding.GetProperty("subject").GetProperty("kind").GetString().ShouldBe("Group");
        Strings(finding, "iamPrincipals").ShouldBe([arn]);
        var chain = Strings(finding, "chain");
        chain[0].ShouldBe(arn);
        chain.ShouldContain(step => step.Contains($"ClusterRole \"planted-{id.ToLowerInvariant()}\" to Group \"{group}\"", StringComparison.Ordinal));
        chain.ShouldContain(step => step.StartsWith("rule ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("R-MASTERS", "system:masters", "arn:aws:iam::111122223333:role/break-glass")]
    [InlineData("E-MASTERS-MAP", "break-glass", "arn:aws:iam::111122223333:role/break-glass")]
    [InlineData("E-ADMIN-POLICY", "entry-admin", "arn:aws:iam::111122223333:role/entry-admin")]
    [InlineData("E-IAMUSER", "mapuser-csr", "arn:aws:iam::111122223333:user/mapuser-csr")]
    [InlineData("H-UNUSED-GROUP", "nobody-binds-this", "arn:aws:iam::111122223333:role/entry-editor")]
    [InlineData("R-ANON", "system:authenticated", "any IAM principal of account 444455556666")]
    public async Task Planted_IdentityAndHygieneRules_NameTheSubjectAndPrincipal(string id, string subject, string arn)
    {
        var findings = await FindingsAsync("--snapshot", Planted);

        var finding = findings.First(f => f.GetProperty("id").GetString() == id && f.GetProperty("subject").GetProperty("name").GetString() == subject);
        Strings(finding, "iamPrincipals").ShouldContain(arn);
    }

    [Theory]
    [InlineData("E-MAPACCOUNTS")]
    [InlineData("E-CONFIGMAP-MODE")]
    [InlineData("E-CREATOR")]
    [InlineData("H-UNMAPPED-SUBJECT")]
    public async Task Planted_ClusterLevelRules_AreFound(string id)
    {
        var findings = await FindingsAsync("--snapshot", Planted);

        findings.ShouldContain(f => f.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Planted_AccessPolicyPath_ReportsTheEditPolicysSecretsInItsNamespace()
    {
        var findings = await FindingsAsync("--snapshot", Planted);

        var finding = findings.Single(f => f.GetProperty("id").GetString() == "R-SECRETS" && f.GetProperty("subject").GetProperty("name").GetString() == "entry-editor");
        finding.GetProperty("namespace").GetString().ShouldBe("team-a");
        Strings(finding, "chain").ShouldContain("EKS Access Policy: allowed by AmazonEKSEditPolicy (namespace scope: team-a)");
    }

    [Fact]
    public async Task Planted_AuditFile_MarksMappedPrincipalsNeverSeen()
    {
        var audit = Path.Combine(AppContext.BaseDirectory, "Inputs", "Audit", "eks-audit.log");
        var without = await FindingsAsync("--snapshot", Planted);
        var with = await FindingsAsync("--snapshot", Planted, "--audit-file", audit);

        without.ShouldNotContain(f => f.GetProperty("id").GetString() == "H-UNSEEN");
        with.ShouldContain(f => f.GetProperty("id").GetString() == "H-UNSEEN" && f.GetProperty("subject").GetProperty("name").GetString() == "entry-admin");
    }

    [Fact]
    public async Task SystemPrincipals_AreFoldedByDefault_AndShownWithIncludeSystem()
    {
        var folded = await CliRunner.RunAsync("risks", "--snapshot", Planted);
        var shown = await FindingsAsync("--snapshot", Planted, "--include-system");

        folded.Stdout.ShouldNotContain("User eks:addon-manager");
        folded.Stdout.ShouldContain("folded: 1 R-SECRETS finding(s)");
        shown.ShouldContain(f => f.GetProperty("id").GetString() == "R-SECRETS" && f.GetProperty("subject").GetProperty("name").GetString() == "eks:addon-manager");
    }

    [Theory]
    [InlineData("000-rightsized.yaml")]
    [InlineData("001-rightsized.yaml")]
    public async Task CleanConfigs_SeedsAfterRightsizing_HaveNoHighFinding(string config)
    {
        var result = await CliRunner.RunAsync("risks", "-f", Path.Combine(Clean, config), "--fail-on", "high");

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldNotContain("critical ");
        result.Stdout.ShouldNotContain("high ");
    }

    [Fact]
    public async Task Seed001_DevFullAccessOnProd_IsReported_WithTheGroupThatMayAssumeTheRole()
    {
        var config = TestPaths.Example("001-role-based-access", "access.yaml");
        var result = await CliRunner.RunAsync("risks", "-f", config, "--fail-on", "high", "-o", "json");

        result.ExitCode.ShouldBe(1);
        var findings = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var prod = findings.Where(f => f.GetProperty("namespace").GetString() == "prod" && f.GetProperty("subject").GetProperty("name").GetString() == "k8s-devs").ToList();
        prod.Select(f => f.GetProperty("id").GetString()).ShouldContain("R-WILDCARD");
        prod.Select(f => f.GetProperty("id").GetString()).ShouldContain("R-SECRETS");
        var wildcard = prod.Single(f => f.GetProperty("id").GetString() == "R-WILDCARD");
        wildcard.GetProperty("severity").GetString().ShouldBe("high");
        Strings(wildcard, "iamPrincipals").ShouldBe(["arn:aws:iam::293759796572:role/k8s-devs-role"]);
        var chain = Strings(wildcard, "chain");
        chain[0].ShouldStartWith("IAM group arn:aws:iam::293759796572:group/k8s-devs (members dev-alice, dev-bob) may assume");
        chain.ShouldContain("RBAC: allowed by RoleBinding \"k8s-devs-dev-full-access/prod\" of ClusterRole \"dev-full-access\" to Group \"k8s-devs\"");
        wildcard.GetProperty("location").GetString()!.ShouldContain("access.yaml:");
    }

    [Fact]
    public async Task Sarif_IsVersion210_WithRulesAndTheConfigsFileAndLine()
    {
        var config = TestPaths.Example("001-role-based-access", "access.yaml");
        var result = await CliRunner.RunAsync("risks", "-f", config, "-o", "sarif");

        result.ExitCode.ShouldBe(0);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var result0 = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "R-WILDCARD"
            && r.GetProperty("message").GetProperty("text").GetString()!.Contains("in namespace prod", StringComparison.Ordinal));
        rules[result0.GetProperty("ruleIndex").GetInt32()].ShouldBe("R-WILDCARD");
        result0.GetProperty("level").GetString().ShouldBe("error");
        var location = result0.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString()!.ShouldEndWith("001-role-based-access/access.yaml");
        var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        File.ReadAllLines(config)[line - 1].ShouldContain("namespace: prod");
    }

    [Fact]
    public async Task SeverityAtLeast_HidesLowerFindings()
    {
        var all = await FindingsAsync("--snapshot", Planted);
        var critical = await FindingsAsync("--snapshot", Planted, "--severity-at-least", "critical");

        critical.Count.ShouldBeLessThan(all.Count);
        critical.ShouldAllBe(f => f.GetProperty("severity").GetString() == "critical");
    }

    [Theory]
    [InlineData("--fail-on", "severe")]
    [InlineData("--severity-at-least", "urgent")]
    public async Task BadSeverity_IsInvalidInput(string option, string value)
    {
        var result = await CliRunner.RunAsync("risks", "--snapshot", Planted, option, value);

        result.ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task NoState_IsInvalidInput_WithOneErrorLine()
    {
        var result = await CliRunner.RunAsync("risks");

        result.ExitCode.ShouldBe(3);
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("error: no state to evaluate");
    }

    [Fact]
    public async Task Report_OutputFile_IsOneSelfContainedPage()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-report-").FullName, "report.html");
        var result = await CliRunner.RunAsync("report", "--snapshot", Planted, "--output-file", path);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBeEmpty();
        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("\"id\":\"R-NODEPROXY\"");
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
        html.ShouldNotContain("<link");
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    private static async Task<List<JsonElement>> FindingsAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(["risks", .. args, "-o", "json"]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return [.. JsonDocument.Parse(result.Stdout).RootElement.GetProperty("findings").EnumerateArray()];
    }

    private static List<string> Strings(JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
