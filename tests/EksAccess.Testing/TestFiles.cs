namespace EksAccess.Testing;

/// <summary>Finds test inputs and the repository's examples from the test's output directory.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EksAccess.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("EksAccess.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Input(string area, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", area, name));

    public static IEnumerable<string> ExampleConfigs() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "examples"))
            .Select(d => Path.Combine(d, "access.yaml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
}
