namespace EksAccess.Cli.Tests;

/// <summary>Finds the repository (its examples) from the test's output directory.</summary>
internal static class TestPaths
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

    public static string Example(string name, string file) => Path.Combine(RepositoryRoot, "examples", name, file);
}
