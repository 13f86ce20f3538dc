
namespace EksAccess.Cli.Tests;

/// <summary>The repository's examples, found through <see cref="TestFiles"/>.</summary>
internal static class TestPaths
{
    public static string Example(string name, string file) => Path.Combine(TestFiles.RepositoryRoot, "examples", name, file);
}
