using EksAccess.Core.Config;
using EksAccess.Core.Text;

namespace EksAccess.Core.Tests.Config;

/// <summary>Issue 9's config classes: found by validate itself, with a position, never first by verify/render/plan.</summary>
public sealed class InputHardeningTests
{
    private static string Config(string extra) => $$"""
        apiVersion: eksaccess.io/v1alpha1
        kind: AccessConfig
        cluster: {name: c, region: us-east-1, accountId: "111122223333", authenticationMode: API}
        iam:
          users:
            - name: dev
        {{extra}}
        """;

    [Theory]
    [InlineData("tests:\n  - as: arn:aws:iam::111122223333:user/a//b/x\n    allow: [get pods]", "test principal is not a principal ARN")]
    [InlineData("tests:\n  - as: arn:aws:sts::111122223333:assumed-role/R/x\n    allow: [get pods]", "session name 'x'")]
    [InlineData("admins:\n  - principal: arn:aws:iam::111122223333:user/a//b/x", "admin is not a principal ARN")]
    [InlineData("admins:\n  - principal: \"dev\\0\"", "contains the control character U+0000")]
    [InlineData("admins:\n  - principal: \"dev\\x7f\"", "contains the control character U+007F")]
    public void Validate_BadPrincipals_AreDiagnosticsWithPosition(string extra, string expected)
    {
        var result = AccessConfigParser.ParseAndValidate(Config(extra), "access.yaml");

        result.IsValid.ShouldBeFalse();
        var diagnostic = result.Diagnostics.First(d => d.Message.Contains(expected, StringComparison.Ordinal));
        diagnostic.Location.File.ShouldBe("access.yaml");
        diagnostic.Location.Line.ShouldBeGreaterThan(6);
    }

    [Fact]
    public void Validate_PolicyDocumentWithADuplicateKey_IsADiagnostic()
    {
        const string text = """
            apiVersion: eksaccess.io/v1alpha1
            kind: AccessConfig
            cluster: {name: c, region: us-east-1, accountId: "111122223333"}
            iam:
              groups:
                - name: g
                  policies:
                    - name: p
                      document: '{"Version": "2012-10-17", "Statement": [], "Statement": []}'
            """;

        var result = AccessConfigParser.ParseAndValidate(text, "access.yaml");

        var diagnostic = result.Diagnostics.Where(d => d.Message.StartsWith("the policy document is not valid JSON", StringComparison.Ordinal)).ShouldHaveSingleItem();
        diagnostic.Message.ShouldContain("Duplicate property 'Statement'");
        diagnostic.Location.Line.ShouldBe(9);
    }

    [Fact]
    public void Echo_Quote_CutsAndEscapes()
    {
        Echo.Quote("a\nb\0").ShouldBe("'a\\nb\\u0000'");
        Echo.Quote(new string('x', 1_000_000)).ShouldBe("'" + new string('x', Echo.MaxLength) + "…'");
    }
}
