using System.Text;

namespace EksAccess.Cli.Tests.Hardening;

/// <summary>
/// Seeded mutations of an input file, in the classes issue 9 found crashing, hanging or misleading eksaccess:
/// broken and deeply nested YAML/JSON, wrong types, duplicate keys, huge values, bad ARNs and session names, empty
/// strings, NUL/DEL and invalid UTF-8.
/// </summary>
internal static class InputMutator
{
    private static readonly string[] BadValues =
    [
        "", "''", "\"\"", "null", "~", "[]", "{}", "[a, {b: [c]}]", "NaN", "-1", "1e999", "\"\\0\"", "\"\\x7f\"", "yes",
        "arn:aws:iam::111122223333:user/a//b/x", "arn:aws:iam::111122223333:role/", "arn:aws:sts::111122223333:assumed-role/R/x",
        "arn:aws:sts::111122223333:assumed-role/R/" + new string('s', 65), "arn:aws:sts::111122223333:federated-user/bob",
        "arn:aws:iam::1:user/x", "arn:aws:iam::111122223333:group/g", "arn:aws:eks:us-east-1:111122223333:cluster/x",
        "'{{SessionName}}'", "{{EC2PrivateDNSName}}", "\"a\\nb\"", "'&a'", "*a", "!!binary AAAA", "[unclosed", "{unclosed: 1",
    ];

    private static readonly byte[] Noise = "\0\u007f{}[]:\"'\n\t&*!|>-#,"u8.ToArray();

    public static (byte[] Content, string Kind) Mutate(byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        var kind = random.Next(12);
        switch (kind)
        {
            case 0:
                return (Encoding.UTF8.GetBytes(Insert(lines, random, "x: " + new string('[', random.Next(200, 6000)))), "deep flow");
            case 1:
                var depth = random.Next(200, 3000);
                return (Encoding.UTF8.GetBytes(new string('[', depth) + text + new string(']', depth)), "wrapped deep");
            case 2:
                return (original[..random.Next(original.Length + 1)], "truncated");
            case 3:
                var bytes = (byte[])original.Clone();
                for (var i = random.Next(1, 6); i > 0 && bytes.Length > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = Noise[random.Next(Noise.Length)];
                }

                return (bytes, "byte noise");
            case 4:
                var at = random.Next(original.Length + 1);
                return ([.. original[..at], 0xC3, 0x28, 0xFF, .. original[at..]], "invalid utf-8");
            case 5:
                if (lines.Count > 0)
                {
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                }

                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "duplicated line");
            case 6:
                return (Encoding.UTF8.GetBytes(ReplaceValue(lines, random, BadValues[random.Next(BadValues.Length)])), "bad value");
            case 7:
                return (Encoding.UTF8.GetBytes(ReplaceValue(lines, random, new string('v', random.Next(10_000, 200_000)))), "huge value");
            case 8:
                if (lines.Count > 0)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "deleted line");
            case 9:
                return (random.Next(3) switch { 0 => [], 1 => "null"u8.ToArray(), _ => "apiVersion: v1\nkind: List\nitems: 5\n"u8.ToArray() }, "empty or odd document");
            case 10:
                return (Encoding.UTF8.GetBytes(text.Replace("mapUsers: |\n", "mapUsers: |\n    - [unclosed\n", StringComparison.Ordinal)
                    .Replace("mapRoles: |\n", "mapRoles: |\n    - x: " + new string('[', random.Next(300, 4000)) + "\n", StringComparison.Ordinal)), "aws-auth section");
            default:
                return (Encoding.UTF8.GetBytes(Insert(lines, random, "{\"a\": " + string.Concat(Enumerable.Repeat("{\"b\": ", random.Next(100, 3000))) + "NaN")), "deep json");
        }
    }

    private static string Insert(List<string> lines, Random random, string line)
    {
        lines.Insert(random.Next(lines.Count + 1), line);
        return string.Join('\n', lines);
    }

    private static string ReplaceValue(List<string> lines, Random random, string value)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(": ", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return string.Join('\n', lines);
        }

        var index = candidates[random.Next(candidates.Count)];
        var line = lines[index];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var cut = colon >= 0 ? colon + 2 : line.IndexOf("- ", StringComparison.Ordinal) + 2;
        lines[index] = line[..cut] + value;
        return string.Join('\n', lines);
    }
}
