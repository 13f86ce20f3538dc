using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Desired;
using EksAccess.Core.Rendering;

namespace EksAccess.Core.Tests.Rendering;

public sealed class IamPolicyRendererTests
{
    [Fact]
    public void Render_Seed000_MatchesGolden()
    {
        var files = IamArtifactRenderer.Files(IamPolicyRenderer.Generate(TestConfigs.Seed000()));

        Golden.Verify(KubernetesManifestRendererTests.Concatenate(files), "Rendering", "000-developer-access.iam");
    }

    [Fact]
    public void Generate_Seed000_DescribeClusterForMappedUserAndRoleOnly()
    {
        var policies = IamPolicyRenderer.Generate(TestConfigs.Seed000());

        policies.TrustPolicies.Select(p => p.RelativePath).ShouldBe(["iam/roles/EKSDeveloperRole/trust-policy.json"]);
        policies.InlinePolicies.Select(p => (p.RelativePath, p.Generated)).ShouldBe(
        [
            ("iam/users/dev-john/EKSDescribeCluster.json", true),
            ("iam/roles/EKSDeveloperRole/EKSDescribeCluster.json", true),
        ]);
    }

    [Fact]
    public void Generate_DescribeCluster_ScopedToTheClusterArnAndListClustersOnStar()
    {
        var policies = IamPolicyRenderer.Generate(TestConfigs.Seed000());

        var statements = JsonNode.Parse(policies.InlinePolicies[0].Document)!["Statement"]!.AsArray();
        statements[0]!["Action"]!.GetValue<string>().ShouldBe("eks:DescribeCluster");
        statements[0]!["Resource"]!.GetValue<string>().ShouldBe("arn:aws:eks:us-east-1:111122223333:cluster/my-cluster");
        statements[1]!["Action"]!.GetValue<string>().ShouldBe("eks:ListClusters");
        statements[1]!["Resource"]!.GetValue<string>().ShouldBe("*");
        statements.Count.ShouldBe(2);
    }

    [Fact]
    public void Generate_GroupWithAssumeRoles_AssumeExactlyThoseRoleArns()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig
            {
                Users = [new IamUserConfig { Name = "alice" }],
                Roles = [new IamRoleConfig { Name = "devs", Path = "/eks/" }, new IamRoleConfig { Name = "ops" }, new IamRoleConfig { Name = "other" }],
                Groups = [new IamGroupConfig { Name = "k8s-devs", Members = ["alice"], AssumeRoles = ["devs", "ops"] }],
            },
            Teams = [TestConfigs.Team("devs", "devs")],
        };

        var policies = IamPolicyRenderer.Generate(config);

        var assume = policies.InlinePolicies.Single(p => string.Equals(p.PolicyName, IamPolicyRenderer.AssumeRolesPolicyName, StringComparison.Ordinal));
        assume.RelativePath.ShouldBe("iam/groups/k8s-devs/AssumeEksRoles.json");
        var statement = JsonNode.Parse(assume.Document)!["Statement"]![0]!;
        statement["Action"]!.GetValue<string>().ShouldBe("sts:AssumeRole");
        statement["Resource"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(
            ["arn:aws:iam::123456789012:role/eks/devs", "arn:aws:iam::123456789012:role/ops"]);
        policies.InlinePolicies.ShouldContain(p => p.RelativePath == "iam/groups/k8s-devs/EKSDescribeCluster.json");
        policies.InlinePolicies.ShouldNotContain(p => p.EntityName == "alice");
        policies.InlinePolicies.ShouldNotContain(p => p.EntityName == "other");
    }

    [Fact]
    public void Generate_TrustWithAccountsPrincipalsAndSso_RootsArnsAndSsoCondition()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig
            {
                Users = [new IamUserConfig { Name = "alice" }],
                Roles =
                [
                    new IamRoleConfig
                    {
                        Name = "devs",
                        Trust = new RoleTrustConfig { Accounts = ["123456789012", "210987654321"], Principals = ["alice"], SsoPermissionSets = ["Developers"] },
                    },
                ],
            },
        };

        var trust = IamPolicyRenderer.Generate(config).TrustPolicies.ShouldHaveSingleItem();

        trust.Document.ShouldBe(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": [
                      "arn:aws:iam::123456789012:root",
                      "arn:aws:iam::210987654321:root",
                      "arn:aws:iam::123456789012:user/alice"
                    ]
                  },
                  "Action": "sts:AssumeRole"
                },
                {
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": "arn:aws:iam::123456789012:root"
                  },
                  "Action": "sts:AssumeRole",
                  "Condition": {
                    "ArnLike": {
                      "aws:PrincipalArn": "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Developers_*"
                    }
                  }
                }
              ]
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Generate_WrittenPolicy_KeptAsWrittenAndReplacesGeneratedOfSameName()
    {
        var written = (JsonObject)JsonNode.Parse("""{"Version":"2012-10-17","Statement":[{"Resource":"*","Effect":"Allow","Action":"eks:*"}]}""")!;
        var config = TestConfigs.Seed000() with
        {
            Iam = TestConfigs.Seed000().Iam with
            {
                Users = [new IamUserConfig { Name = "dev-john", Policies = [new InlinePolicyConfig("EKSDescribeCluster", written)] }],
            },
        };

        var policies = IamPolicyRenderer.Generate(config);

        var policy = policies.InlinePolicies.Single(p => string.Equals(p.EntityName, "dev-john", StringComparison.Ordinal));
        policy.Generated.ShouldBeFalse();
        policy.Document.ShouldStartWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Resource\": \"*\",");
    }
}
