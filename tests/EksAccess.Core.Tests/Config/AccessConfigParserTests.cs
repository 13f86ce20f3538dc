using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Tests.Config;

public sealed class AccessConfigParserTests
{
    private const string Header = "apiVersion: eksaccess.io/v1alpha1\nkind: AccessConfig\n";

    private static AccessConfig ParseValid(string yaml)
    {
        var result = AccessConfigParser.Parse(yaml, "access.yaml");
        string.Join("\n", result.Diagnostics).ShouldBeEmpty();
        return result.Config.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_DeveloperAccessExample_ReadsEverySection()
    {
        var text = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "access.yaml"));

        var config = AccessConfigParser.Parse(text, "examples/000-developer-access/access.yaml").Config.ShouldNotBeNull();

        config.SourceFile.ShouldBe("examples/000-developer-access/access.yaml");
        config.Cluster.Name.ShouldBe("my-cluster");
        config.Cluster.AccountId.ShouldBe("111122223333");
        config.Cluster.Partition.ShouldBe("aws");
        config.Cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        config.Cluster.AccessMethod.ShouldBe(AccessMethod.Both);
        config.Cluster.NodeRoles.ShouldHaveSingleItem().ShouldBe(new NodeRoleConfig("arn:aws:iam::111122223333:role/EKSNodeRole", "EC2_LINUX") { Location = new("examples/000-developer-access/access.yaml", 15, 7) });
        config.Iam.Users.ShouldHaveSingleItem().Username.ShouldBe("dev-john");
        config.Iam.Roles.ShouldHaveSingleItem().Trust.Accounts.ShouldBe(["111122223333"]);
        config.Namespaces.ShouldHaveSingleItem().Quota.ShouldNotBeNull().Hard["requests.memory"].ShouldBe("8Gi");
        config.Roles.ShouldHaveSingleItem().Rules.Length.ShouldBe(5);
        config.Roles[0].Rules[0].ApiGroups.ShouldBe([""]);
        config.Roles[0].Rules[0].Resources.ShouldContain("pods/exec", StringComparer.Ordinal);
        config.ClusterRoles.ShouldHaveSingleItem().Name.ShouldBe("developer-cluster-readonly");
        var team = config.Teams.ShouldHaveSingleItem();
        team.Members.ShouldBe(["dev-john", "EKSDeveloperRole"]);
        team.Namespaces.ShouldHaveSingleItem().Role.ShouldBe("developer-role");
        team.AccessPolicies.ShouldHaveSingleItem().AccessScope.Namespaces.ShouldBe(["dev-apps"]);
        config.Admins.ShouldHaveSingleItem().Username.ShouldBe("platform-admin");
        config.Tests.Length.ShouldBe(3);
        config.Tests[0].Allow[5].ShouldBe(new TestCheck("get pods --subresource log -n dev-apps") { Location = new("examples/000-developer-access/access.yaml", 91, 9) });
    }

    [Fact]
    public void Parse_MinimalConfig_AppliesDefaults()
    {
        var config = ParseValid(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            iam:
              users: [{name: u}]
              roles: [{name: r}]
            teams: [{name: devs}]
            """);

        config.Cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        config.Cluster.AccessMethod.ShouldBe(AccessMethod.AccessEntries);
        config.Cluster.Partition.ShouldBe("aws");
        config.Iam.Users[0].Path.ShouldBe("/");
        config.Iam.Users[0].Username.ShouldBeNull();
        config.Iam.Users[0].CreateAccessKey.ShouldBeFalse();
        config.Iam.Roles[0].MaxSessionDuration.ShouldBe(3600);
        config.Teams[0].KubernetesGroup.ShouldBe("devs");
        config.Admins.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    [InlineData("eusc-de-east-1", "aws-eusc")]
    public void Parse_NoPartition_DerivesItFromTheRegion(string region, string partition)
    {
        var config = ParseValid(Header + $"cluster: {{name: c, region: {region}, accountId: \"111122223333\"}}\n");

        config.Cluster.Partition.ShouldBe(partition);
        config.Cluster.ClusterArn.ShouldBe($"arn:{partition}:eks:{region}:111122223333:cluster/c");
    }

    [Fact]
    public void Parse_ExplicitValues_OverrideDefaults()
    {
        var config = ParseValid(Header + """
            cluster:
              name: c
              region: eu-west-1
              accountId: 111122223333
              partition: aws
              authenticationMode: API
              accessMethod: accessEntries
              trustedAccountIds: [444455556666]
            iam:
              users:
                - name: u
                  path: /dev/
                  createAccessKey: true
                  groups: [g]
                  tags: {team: dev}
              roles:
                - name: r
                  maxSessionDuration: 7200
                  trust: {principals: ["arn:aws:iam::111122223333:root"], ssoPermissionSets: [Dev]}
            teams:
              - name: devs
                kubernetesGroup: developers
            """);

        config.Cluster.AccountId.ShouldBe("111122223333");
        config.Cluster.AuthenticationMode.ShouldBe(AuthenticationMode.Api);
        config.Cluster.TrustedAccountIds.ShouldBe(["444455556666"]);
        config.Iam.Users[0].Path.ShouldBe("/dev/");
        config.Iam.Users[0].CreateAccessKey.ShouldBeTrue();
        config.Iam.Users[0].Tags["team"].ShouldBe("dev");
        config.Iam.Roles[0].MaxSessionDuration.ShouldBe(7200);
        config.Iam.Roles[0].Trust.SsoPermissionSets.ShouldBe(["Dev"]);
        config.Teams[0].KubernetesGroup.ShouldBe("developers");
    }

    [Fact]
    public void Parse_PolicyDocumentAsYaml_BecomesJsonWithTypedScalars()
    {
        var config = ParseValid(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            iam:
              users:
                - name: u
                  policies:
                    - name: eks-describe
                      document:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: [eks:DescribeCluster]
                            Resource: "*"
                            Condition: {NumericLessThan: {aws:MultiFactorAuthAge: 3600}, Bool: {aws:SecureTransport: true}}
            """);

        var document = config.Iam.Users[0].Policies[0].Document;

        document.ToJsonString().ShouldBe("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["eks:DescribeCluster"],"Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Bool":{"aws:SecureTransport":true}}}]}""");
    }

    [Fact]
    public void Parse_PolicyDocumentAsJsonString_IsParsed()
    {
        var config = ParseValid(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            iam:
              groups:
                - name: g
                  policies:
                    - name: p
                      document: '{"Version": "2012-10-17", "Statement": []}'
            """);

        config.Iam.Groups[0].Policies[0].Document.ToJsonString().ShouldBe("""{"Version":"2012-10-17","Statement":[]}""");
    }

    [Fact]
    public void Parse_PolicyDocumentBadJson_ReportsAtTheValue()
    {
        var result = AccessConfigParser.Parse(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            iam:
              groups:
                - name: g
                  policies:
                    - name: p
                      document: '{"Version": '
            """, "access.yaml");

        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("access.yaml:9:21: the policy document is not valid JSON: ");
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        var config = ParseValid(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            clusterRoles:
              - name: a
                rules: &read
                  - apiGroups: [""]
                    resources: [pods]
                    verbs: [get]
              - name: b
                rules: *read
            """);

        config.ClusterRoles[1].Rules.ShouldHaveSingleItem().Verbs.ShouldBe(["get"]);
    }

    [Fact]
    public void Parse_Locations_AreOneBasedNodeStarts()
    {
        var result = AccessConfigParser.Parse(Header + """
            cluster:
              name: c
              region: us-east-1
              accountId: "111122223333"
            teams:
              - name: devs
                members:
                  - alice
                  - bob
            """, "a.yaml");

        var config = result.Config.ShouldNotBeNull();
        config.Cluster.Location.ShouldBe(new SourceLocation("a.yaml", 4, 3));
        config.Teams[0].Location.ShouldBe(new SourceLocation("a.yaml", 8, 5));
        result.SourceMap.Locate("teams[0].members[1]", SourceLocation.None).ShouldBe(new SourceLocation("a.yaml", 11, 9));
        result.SourceMap.Locate("cluster.accountId", SourceLocation.None).ShouldBe(new SourceLocation("a.yaml", 6, 14));
    }

    [Fact]
    public void Parse_SecondDocument_IsOneDiagnostic()
    {
        var result = AccessConfigParser.Parse(Header + "cluster: {name: c, region: us-east-1, accountId: \"111122223333\"}\n---\nkind: Other\n", "a.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(["a.yaml:4:1: a second YAML document: an access config is one document — remove the '---' separator and everything after it, or move it to its own file"]);
    }

    [Fact]
    public void Parse_UnclosedFlowSequence_IsOneDiagnosticNotAnException()
    {
        var result = AccessConfigParser.Parse("apiVersion: [eksaccess.io/v1alpha1\nkind: AccessConfig\n", "a.yaml");

        result.Config.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldStartWith("YAML syntax error");
    }

    [Fact]
    public void Parse_RootIsAList_IsOneDiagnostic()
    {
        var result = AccessConfigParser.Parse("- a\n- b\n", "a.yaml");

        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => d.ToString()).ShouldBe(["a.yaml:1:1: an access config must be a YAML mapping, not a list — start with 'apiVersion: eksaccess.io/v1alpha1' at the beginning of a line"]);
    }

    [Fact]
    public void Parse_NonMappingListItem_IsReportedOnceAndKeepsIndices()
    {
        var result = AccessConfigParser.ParseAndValidate(Header + """
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            namespaces:
              - dev
              - name: Prod
            admins: [{principal: "arn:aws:iam::111122223333:role/Admin"}]
            """, "a.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "a.yaml:5:5: each item of 'namespaces' must be a mapping, not a string — write the item's keys after '- ', e.g. '- name: x'",
            "a.yaml:6:11: namespace name 'Prod' is not a valid DNS-1123 label — use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
        ]);
    }

    [Theory]
    [InlineData("authenticationMode: api", "a.yaml:3:86: unknown authenticationMode 'api' — did you mean 'API'? (use one of CONFIG_MAP, API_AND_CONFIG_MAP, API)")]
    [InlineData("accessMethod: aws-auth", "a.yaml:3:80: unknown accessMethod 'aws-auth' — did you mean 'awsAuth'? (use one of accessEntries, awsAuth, both)")]
    public void Parse_UnknownEnumValue_SuggestsTheClosest(string setting, string expected)
    {
        var result = AccessConfigParser.Parse(Header + $"cluster: {{name: c, region: us-east-1, accountId: \"111122223333\", {setting}}}\n", "a.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe([expected]);
    }

    [Fact]
    public void Parse_AliasBomb_IsOneDiagnosticNotAnOutOfMemory()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var result = AccessConfigParser.Parse(string.Join("\n", lines), "bomb.yaml");

        result.Config.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the YAML is too large to read: the document expands to more than 200000 values (through aliases)");
    }

    [Fact]
    public void Parse_DeepNesting_IsOneDiagnosticNotAStackOverflow()
    {
        var text = "a: " + new string('[', 5000) + new string(']', 5000);

        var result = AccessConfigParser.Parse(text, "deep.yaml");

        result.Config.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the YAML is too large to read: nested more than 256 levels deep (eksaccess's limit for YAML and JSON input)");
    }

    [Theory]
    [InlineData("cluster: {name: c, region: us-east-1, accountId: \"111122223333\", partition: [aws]}", "'partition' must be a string, not a list")]
    [InlineData("iam: [users]", "'iam' must be a mapping, not a list")]
    [InlineData("namespaces: {name: dev}", "'namespaces' must be a list, not a mapping")]
    [InlineData("namespaces: [{name: dev, labels: {team: [a]}}]", "the value of 'team' in 'labels' must be a string, not a list")]
    [InlineData("teams: [{name: t, members: [[x]]}]", "each item of 'members' must be a name, an ARN or {name, expires}, not a list")]
    [InlineData("iam: {users: [{name: u, createAccessKey: [true]}]}", "'createAccessKey' must be true or false, not a list")]
    [InlineData("iam: {roles: [{name: r, maxSessionDuration: \"3600\", trust: {accounts: [\"111122223333\"]}}]}", "'maxSessionDuration' must be a whole number, not '3600'")]
    [InlineData("cluster: {name: c, region: us-east-1, accountId: {id: 1}}", "'accountId' must be a 12-digit account ID, not a mapping")]
    [InlineData("teams: [{name: t, accessPolicies: [{policyArn: AmazonEKSViewPolicy}]}]", "missing required key 'accessScope' in teams[0].accessPolicies[0]")]
    [InlineData("iam: {users: [{name: u, policies: [{name: p}]}]}", "missing required key 'document' in iam.users[0].policies[0]")]
    public void Parse_WrongShape_IsReported(string yaml, string message)
    {
        var cluster = yaml.StartsWith("cluster:", StringComparison.Ordinal) ? "" : "cluster: {name: c, region: us-east-1, accountId: \"111122223333\"}\n";

        var result = AccessConfigParser.Parse(Header + cluster + yaml + "\n", "a.yaml");

        result.Diagnostics.Select(d => d.Message).ShouldContain(message, StringComparer.Ordinal);
    }
}
