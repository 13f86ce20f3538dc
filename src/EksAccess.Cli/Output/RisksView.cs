using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Risks;

namespace EksAccess.Cli.Output;

/// <summary>The views of <c>eksaccess risks</c>: a table, the JSON contract (README), and SARIF 2.1.0.</summary>
internal static class RisksView
{
    public static void WriteTable(TextWriter stdout, RiskReport report, ImmutableArray<RiskFinding> shown, RiskSeverity atLeast, bool includeSystem)
    {
        var table = new TextTable("SEVERITY", "ID", "NAMESPACE", "SUBJECT", "IAM PRINCIPALS", "MESSAGE");
        foreach (var finding in shown)
        {
            var arns = finding.IamPrincipals.ToList();
            var principals = arns.Count switch
            {
                0 => "-",
                1 => arns[0],
                _ => $"{arns[0]} (+{arns.Count - 1})",
            };
            table.AddRow(finding.Severity.Name(), finding.Id, finding.Namespace.Length == 0 ? "*" : finding.Namespace, finding.Subject?.ToString() ?? "-", principals, finding.Message);
        }

        if (table.RowCount == 0)
        {
            stdout.WriteLine($"no findings at or above {atLeast.Name()}");
        }
        else
        {
            table.Write(stdout);
        }

        foreach (var (id, severity, count) in report.Folded(atLeast, includeSystem))
        {
            stdout.WriteLine($"folded: {count} {id} finding(s) (up to {severity.Name()}) about the cluster's own principals — --include-system shows them");
        }
    }

    public static JsonObject ToJson(RiskReport report, ImmutableArray<RiskFinding> shown, RiskSeverity atLeast, bool includeSystem) => new()
    {
        ["findings"] = new JsonArray([.. shown.Select(f => (JsonNode)Finding(f))]),
        ["folded"] = new JsonArray([.. report.Folded(atLeast, includeSystem).Select(x => (JsonNode)new JsonObject { ["id"] = x.Id, ["severity"] = x.Severity.Name(), ["count"] = x.Count })]),
        ["notEvaluated"] = new JsonArray([.. report.NotEvaluated.Select(n => (JsonNode)n)]),
    };

    /// <summary>
    /// -o json, streamed: one finding at a time (a 50k-binding cluster has ~180k findings; one tree of them all would
    /// cost gigabytes). The shape is <see cref="ToJson"/>'s, each finding on its own line.
    /// </summary>
    public static void WriteJson(TextWriter stdout, RiskReport report, ImmutableArray<RiskFinding> shown, RiskSeverity atLeast, bool includeSystem)
    {
        var tail = ToJson(report, [], atLeast, includeSystem);
        stdout.Write("{\n  \"findings\": [");
        for (var i = 0; i < shown.Length; i++)
        {
            stdout.Write(i == 0 ? "\n    " : ",\n    ");
            stdout.Write(Finding(shown[i]).ToJsonString(CompactJson));
        }

        stdout.Write(shown.Length == 0 ? "],\n" : "\n  ],\n");
        stdout.Write($"  \"folded\": {tail["folded"]!.ToJsonString(CompactJson)},\n");
        stdout.Write($"  \"notEvaluated\": {tail["notEvaluated"]!.ToJsonString(CompactJson)}\n}}\n");
    }

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Finding(RiskFinding f) => new()
    {
        ["id"] = f.Id,
        ["severity"] = f.Severity.Name(),
        ["message"] = f.Message,
        ["fix"] = f.Fix,
        ["subject"] = f.Subject is { } s ? new JsonObject { ["kind"] = s.Kind, ["name"] = s.Name, ["namespace"] = s.Namespace } : null,
        ["iamPrincipals"] = new JsonArray([.. f.IamPrincipals.Select(a => (JsonNode)a)]),
        ["namespace"] = f.Namespace,
        ["chain"] = new JsonArray([.. f.Chain.Select(c => (JsonNode)c)]),
        ["location"] = f.Location,
    };

    /// <summary>
    /// SARIF 2.1.0 (OASIS): one run, the rules that fired as <c>tool.driver.rules</c>, one result per finding, located
    /// at the access config's (or snapshot's) file:line when the finding comes from a file. Levels: critical and high
    /// are <c>error</c>, medium <c>warning</c>, low <c>note</c>; <c>security-severity</c> feeds GitHub code scanning.
    /// </summary>
    public static void WriteSarif(TextWriter stdout, ImmutableArray<RiskFinding> shown)
    {
        var rules = shown.Select(f => f.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "eksaccess",
                        ["informationUri"] = "https://github.com/eksaccess/eksaccess",
                        ["rules"] = new JsonArray([.. rules.Select(id => (JsonNode)Rule(id))]),
                    },
                },
                ["results"] = new JsonArray([.. shown.Select(f => (JsonNode)Result(f, rules.IndexOf(f.Id)))]),
            }),
        };
        StructuredOutput.Write(stdout, OutputFormat.Json, sarif);
    }

    private static JsonObject Rule(string id)
    {
        var (severity, message, fix) = RiskRules.Describe(id);
        return new JsonObject
        {
            ["id"] = id,
            ["shortDescription"] = new JsonObject { ["text"] = message },
            ["help"] = new JsonObject { ["text"] = fix },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("security"), ["security-severity"] = SecuritySeverity(severity) },
        };
    }

    private static JsonObject Result(RiskFinding f, int ruleIndex)
    {
        var subject = f.Subject is { } s ? $"{s}: " : "";
        var where = f.Namespace.Length == 0 ? "" : $" in namespace {f.Namespace}";
        var principals = string.Join(", ", f.IamPrincipals);
        var result = new JsonObject
        {
            ["ruleId"] = f.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = f.Severity switch { RiskSeverity.Critical or RiskSeverity.High => "error", RiskSeverity.Medium => "warning", _ => "note" },
            ["message"] = new JsonObject { ["text"] = $"{subject}{f.Message}{where}{(principals.Length == 0 ? "" : $" (IAM: {principals})")}. Fix: {f.Fix}" },
            ["partialFingerprints"] = new JsonObject { ["eksaccess/v1"] = $"{f.Id}|{f.Subject}|{f.Namespace}" },
            ["properties"] = new JsonObject { ["severity"] = f.Severity.Name(), ["chain"] = new JsonArray([.. f.Chain.Select(c => (JsonNode)c)]) },
        };
        if (Parse(f.Location) is { } location)
        {
            result["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = location.File.Replace('\\', '/') },
                    ["region"] = new JsonObject { ["startLine"] = location.Line, ["startColumn"] = Math.Max(1, location.Column) },
                },
            });
        }

        return result;
    }

    private static string SecuritySeverity(RiskSeverity severity) => severity switch
    {
        RiskSeverity.Critical => "9.5",
        RiskSeverity.High => "8.0",
        RiskSeverity.Medium => "5.0",
        _ => "2.0",
    };

    /// <summary><c>file:line:column</c> (the file may itself contain colons); null when absent or not that shape.</summary>
    private static (string File, int Line, int Column)? Parse(string? location)
    {
        if (location is null)
        {
            return null;
        }

        var parts = location.Split(':');
        if (parts.Length >= 3 && int.TryParse(parts[^2], out var line) && int.TryParse(parts[^1], out var column) && line > 0)
        {
            return (string.Join(':', parts[..^2]), line, column);
        }

        // Snapshot objects are located by line only (file:line).
        return parts.Length >= 2 && int.TryParse(parts[^1], out line) && line > 0 ? (string.Join(':', parts[..^1]), line, 1) : null;
    }
}
