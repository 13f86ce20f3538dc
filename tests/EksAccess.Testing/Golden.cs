using System.Reflection;

namespace EksAccess.Testing;

/// <summary>
/// Golden-file assertions: Golden/&lt;Area&gt;/&lt;Case&gt;.txt in the test project's source folder. On a mismatch writes
/// &lt;Case&gt;.received.txt beside it and fails; UPDATE_GOLDEN=1 rewrites the expected file instead.
/// </summary>
internal static class Golden
{
    public static void Verify(string actual, string area, string caseName)
    {
        var expectedPath = Path.Combine(ProjectDirectory(), "Golden", area, caseName + ".txt");
        var receivedPath = Path.ChangeExtension(expectedPath, ".received.txt");
        actual = actual.ReplaceLineEndings("\n");
        if (string.Equals(Environment.GetEnvironmentVariable("UPDATE_GOLDEN"), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        var hint = expected is null
            ? $"golden file {expectedPath} does not exist"
            : $"output differs from {expectedPath} at line {FirstDifferentLine(expected, actual)}";
        Assert.Fail($"{hint}; wrote {receivedPath}. Review it, then rerun with UPDATE_GOLDEN=1 to accept.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && string.Equals(a[i], b[i], StringComparison.Ordinal))
        {
            i++;
        }

        return i + 1;
    }

    /// <summary>
    /// The running test project's source folder: the entry assembly is the test executable (Microsoft.Testing.Platform).
    /// Not [CallerFilePath]: CI builds map source paths to /_/.
    /// </summary>
    private static string ProjectDirectory() =>
        Path.Combine(TestFiles.RepositoryRoot, "tests", Assembly.GetEntryAssembly()!.GetName().Name!);
}
