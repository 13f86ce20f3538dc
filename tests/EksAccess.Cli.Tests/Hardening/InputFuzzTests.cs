using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EksAccess.Cli.Tests.Hardening;

/// <summary>
/// Issue 9's "what done means", kept as a property: thousands of seeded mutations of <c>examples/*/</c> run through
/// the CLI entry, in-process, for every command that reads a file. Each run ends with an exit code of the contract,
/// at most one <c>error:</c> line (exactly one on exit 3), no exception type name or stack trace, within a time bound.
/// </summary>
public sealed partial class InputFuzzTests : IDisposable
{
    private const int Seed = 20261207;
    private const int Cases = 2000;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);
    private static readonly string[] Examples = ["000-developer-access", "001-role-based-access", "003-cluster-admin-access-entry"];
    private static readonly string[] Arns =
    [
        "arn:aws:iam::111122223333:user/dev-john", "arn:aws:iam::111122223333:role/EKSDeveloperRole", "arn:aws:iam::293759796572:role/eks-node-role",
        "arn:aws:iam::293759796572:user/eks-admin", "arn:aws:iam::111122223333:user/a//b/x", "arn:aws:sts::111122223333:federated-user/bob", "",
        "arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/" + new string('s', 70), "not-an-arn\u0000",
    ];

    private static readonly string[] SessionNames = ["", "x", "ok-session", new string('n', 65), "bad/name", "a\nb"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "eksaccess-fuzz-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task MutatedExamples_EveryCommandKeepsTheErrorContract()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var example = Examples[random.Next(Examples.Length)];
            var directory = Path.Combine(_root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var (mutated, kind) = PrepareCase(example, directory, random);
            var args = CommandFor(directory, random);
            var watch = Stopwatch.StartNew();
            var result = await CliRunner.RunAsync(args);
            watch.Stop();
            var problem = Check(result, watch.Elapsed);
            if (problem is not null)
            {
                failures.Add($"case {i} ({example}/{mutated}, {kind}): eksaccess {string.Join(' ', args.Select(a => a.Length > 60 ? a[..60] + "…" : a))} → {problem}");
            }

            Directory.Delete(directory, recursive: true);
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(15)));
        // No bound on the whole run: a wall-clock total flakes on a shared 2-core machine (speed lives in bench/);
        // the per-case bound above is the hang detector, generous enough for a loaded machine.
        TestContext.Current.TestOutputHelper?.WriteLine($"{Cases} cases in {total.Elapsed}");
    }

    private static string? Check(CliResult result, TimeSpan elapsed)
    {
        var errorLines = result.Stderr.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal));
        return result switch
        {
            _ when elapsed > PerCase => $"took {elapsed.TotalSeconds:F1} s",
            { ExitCode: not (0 or 1 or 2 or 3) } => $"exit {result.ExitCode}: {Head(result.Stderr)}",
            { ExitCode: 3 } when errorLines != 1 => $"exit 3 with {errorLines} error lines: {Head(result.Stderr)}",
            _ when errorLines > 1 => $"{errorLines} error lines: {Head(result.Stderr)}",
            _ when ExceptionName().IsMatch(result.Stderr) || result.Stderr.Contains("   at ", StringComparison.Ordinal) || result.Stderr.Contains("(Parameter '", StringComparison.Ordinal)
                => $"leaks an exception: {Head(result.Stderr)}",
            _ => null,
        };
    }

    private static string Head(string text) => text.Length > 400 ? text[..400] + "…" : text;

    /// <summary>Copies the example and mutates one of its files; returns the mutated file's name and the mutation.</summary>
    private static (string File, string Kind) PrepareCase(string example, string directory, Random random)
    {
        var source = Path.Combine(TestFiles.RepositoryRoot, "examples", example);
        Directory.CreateDirectory(Path.Combine(directory, "snapshot"));
        var files = Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(directory, Path.GetRelativePath(source, file)));
        }

        var target = files[random.Next(files.Length)];
        var (content, kind) = InputMutator.Mutate(File.ReadAllBytes(target), random);
        var relative = Path.GetRelativePath(source, target);
        File.WriteAllBytes(Path.Combine(directory, relative), content);
        return (relative, kind);
    }

    private static string[] CommandFor(string directory, Random random)
    {
        var config = Path.Combine(directory, "access.yaml");
        var snapshot = Path.Combine(directory, "snapshot");
        var arn = Arns[random.Next(Arns.Length)];
        string[] session = random.Next(4) == 0 ? ["--session-name", SessionNames[random.Next(SessionNames.Length)]] : [];
        return random.Next(11) switch
        {
            0 => ["validate", "-f", config],
            1 => ["render", "-f", config],
            2 => ["verify", "-f", config, "--snapshot", snapshot],
            3 => ["whoami", "--as-arn", arn, .. session, "--snapshot", snapshot],
            4 => ["can-i", "get", "pods", "-n", "dev-apps", "--as-arn", arn, .. session, "--snapshot", snapshot],
            5 => ["can-i", "list", "deployments", "--api-group=", "-n", "dev-apps", "--as-arn", arn, "--snapshot", snapshot],
            6 => ["who-can", "list", "deployments", "-n", "dev-apps", "--snapshot", snapshot],
            7 => ["matrix", "--snapshot", snapshot],
            8 => ["matrix", "-f", config],
            9 => ["whoami", "--as-arn", arn, .. session, "-f", config],
            _ => ["onboard", "-f", config, "--principal", "dev-john", "--output-dir", Path.Combine(directory, "out")],
        };
    }

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionName();
}
