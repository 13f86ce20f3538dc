using System.Text.Json;

namespace EksAccess.Cli.Tests.Deploy;

/// <summary>deploy/Containerfile read as a builder reads it: instructions (continuation lines joined), the final stage's.</summary>
internal sealed record Containerfile(IReadOnlyList<(string Instruction, string Arguments)> FinalStage, IReadOnlyList<(string Instruction, string Arguments)> All)
{
    public static string Path => System.IO.Path.Combine(TestFiles.RepositoryRoot, "deploy", "Containerfile");

    /// <summary>The exec-form ENTRYPOINT's program (the last ENTRYPOINT of the final stage).</summary>
    public string Entrypoint => ExecForm("ENTRYPOINT")[0];

    public string User => FinalStage.Last(i => i.Instruction == "USER").Arguments;

    public static Containerfile Read()
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in File.ReadAllLines(Path))
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var space = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
                current = "";
            }
        }

        var lastFrom = instructions.FindLastIndex(i => i.Item1 == "FROM");
        return new Containerfile(instructions[lastFrom..], instructions);
    }

    public string[] ExecForm(string instruction)
    {
        var arguments = FinalStage.Last(i => i.Instruction == instruction).Arguments;
        arguments.ShouldStartWith("[", customMessage: $"{instruction} must use the exec form (no shell in the image)");
        return JsonSerializer.Deserialize<string[]>(arguments)!;
    }
}
