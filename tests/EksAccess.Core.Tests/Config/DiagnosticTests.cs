using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Tests.Config;

public sealed class DiagnosticTests
{
    [Fact]
    public void ToString_WithHint_IsFileLineColumnMessageDashHint()
    {
        var diagnostic = new Diagnostic(new SourceLocation("access.yaml", 3, 5), "unknown key 'nmae'", "did you mean 'name'?");

        diagnostic.ToString().ShouldBe("access.yaml:3:5: unknown key 'nmae' — did you mean 'name'?");
    }
}
