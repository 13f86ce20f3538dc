using EksAccess.Core.Config;

namespace EksAccess.Core.Tests.Config;

public sealed class ExampleConfigTests
{
    public static TheoryData<string> Examples() => [.. TestFiles.ExampleConfigs().Select(p => Path.GetRelativePath(TestFiles.RepositoryRoot, p))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void ParseAndValidate_Example_HasNoDiagnostics(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, relativePath));

        var result = AccessConfigParser.ParseAndValidate(text, relativePath);

        string.Join("\n", result.Diagnostics).ShouldBeEmpty();
        result.Config.ShouldNotBeNull();
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Examples_AtLeastThreeExist()
    {
        TestFiles.ExampleConfigs().Count().ShouldBeGreaterThanOrEqualTo(3);
    }
}
